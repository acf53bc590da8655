import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { AreIds } from '@salesos/http';
import { type ChannelKind, channelKinds } from '../../core/domain/channel-kind';

/** A channel of the caller's division, defined or replaced as a whole. */
export class DefineChannelRequest {
  @ApiProperty({ maxLength: 120, example: 'Dealers DACH' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ enum: channelKinds, example: 'dealer', description: 'Fixed once the channel is defined.' })
  @IsIn(channelKinds)
  kind!: ChannelKind;

  @ApiProperty({ type: [String], maxItems: 200, example: ['presses', 'service'] })
  @IsArray()
  @ArrayMaxSize(200)
  @AreIds()
  productGroups!: string[];

  @ApiProperty({ type: [String], maxItems: 200, example: ['de', 'at', 'ch'] })
  @IsArray()
  @ArrayMaxSize(200)
  @AreIds()
  territories!: string[];
}

export class RetireChannelRequest {
  @ApiProperty({ maxLength: 500, example: 'Merged into the distributor channel' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
