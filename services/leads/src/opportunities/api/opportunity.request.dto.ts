import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsId, IsInstant, MoneyRequest, NestedList, Optional, RequiredWhen } from '@salesos/http';

export class ProductLineRequest {
  @ApiProperty()
  @IsString()
  @IsId()
  productId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;
}

export class ChannelRequest {
  @ApiProperty({ enum: ['direct', 'dealer'] })
  @IsIn(['direct', 'dealer'])
  kind!: 'direct' | 'dealer';

  @ApiPropertyOptional({
    description:
      'Required when kind is dealer: a dealer the channels service has active in the division (unknown or of ' +
      'another division: 400; suspended or terminated: 409). The deal records the channel the dealer sells through.',
  })
  @RequiredWhen((channel: ChannelRequest) => channel.kind === 'dealer')
  @IsString()
  @IsId()
  dealerId?: string;
}

export class OpenOpportunityRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  accountName!: string;

  @ApiProperty({ example: 'new-business' })
  @IsString()
  @Length(1, 60)
  pipelineId!: string;

  @ApiPropertyOptional({ description: 'Defaults to the first stage of the pipeline.' })
  @Optional()
  @IsString()
  @Length(1, 60)
  stageId?: string;

  @ApiProperty({ type: MoneyRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyRequest)
  amount!: MoneyRequest;

  @ApiProperty({ example: '2026-06-30' })
  @IsCalendarDate()
  expectedCloseDate!: string;

  @ApiProperty({ type: [ProductLineRequest] })
  @IsArray()
  @ArrayMaxSize(100)
  @NestedList(() => ProductLineRequest)
  products!: ProductLineRequest[];

  @ApiProperty({ type: ChannelRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelRequest)
  channel!: ChannelRequest;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsId()
  ownerRepId?: string;
}

export class MoveStageRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 60)
  stageId!: string;
}

export class ReviseForecastRequest {
  @ApiPropertyOptional({ type: MoneyRequest })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyRequest)
  amount?: MoneyRequest;

  @ApiPropertyOptional({ example: '2026-09-30' })
  @Optional()
  @IsCalendarDate()
  expectedCloseDate?: string;

  @ApiPropertyOptional({
    description:
      "When the new belief became true in the business, from the deal's opening to now (400 otherwise); defaults to now.",
  })
  @Optional()
  @IsInstant()
  effectiveAt?: string;
}

export class ProductsRequest {
  @ApiProperty({ type: [ProductLineRequest] })
  @IsArray()
  @ArrayMaxSize(100)
  @NestedList(() => ProductLineRequest)
  products!: ProductLineRequest[];
}

export class WinRequest {
  @ApiPropertyOptional({ type: MoneyRequest, description: 'The final amount; defaults to the forecast.' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyRequest)
  amount?: MoneyRequest;

  @ApiPropertyOptional({ description: "One of the division's won reasons (GET /pipelines lists them)." })
  @Optional()
  @IsString()
  @Length(1, 60)
  reason?: string;
}

export class LoseRequest {
  @ApiProperty({ description: "One of the division's loss reasons." })
  @IsString()
  @Length(1, 60)
  reason!: string;
}

export class ReopenRequest {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 60)
  stageId?: string;
}
