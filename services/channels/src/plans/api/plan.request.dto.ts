import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';

import { ArrayMaxSize, IsArray, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsId, IsMoney, MoneyRequest, NestedList, Optional, PageQuery } from '@salesos/http';
import { periodPattern } from '../../core/domain/period';

const periodMessage = 'must be a year (2026), a quarter (2026-Q3) or a month (2026-07)';

const units = (): PropertyDecorator =>
  applyDecorators(IsInt(), Min(0), Max(1_000_000_000), ApiProperty({ type: 'integer', minimum: 0, example: 12 }));

/** What one product group contributes to the plan. */
export class ProductMixLineRequest {
  @ApiProperty({ example: 'presses' })
  @IsId()
  productGroup!: string;

  @ApiProperty({ type: MoneyRequest })
  @IsMoney()
  value!: MoneyRequest;

  @units()
  units!: number;
}

/** A dealer's plan for a period, set as a whole: the product mix adds up to the value and the units. */
export class SetDealerPlanRequest {
  @ApiProperty({ type: MoneyRequest })
  @IsMoney()
  value!: MoneyRequest;

  @units()
  units!: number;

  @ApiProperty({ type: [ProductMixLineRequest], maxItems: 200 })
  @IsArray()
  @ArrayMaxSize(200)
  @NestedList(() => ProductMixLineRequest)
  productMix!: ProductMixLineRequest[];

  @ApiProperty({ maxLength: 500, example: 'Q3 plan agreed at the dealer review' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** Which plans the export and the list take: the division's in reach, narrowed by these. */
export class PlanFilterQuery {
  @ApiPropertyOptional({ example: '2026-Q3', description: 'A year (2026), a quarter (2026-Q3) or a month (2026-07).' })
  @Optional()
  @IsString()
  @Matches(periodPattern, { message: `period ${periodMessage}` })
  period?: string;
}

export class ListPlansQuery extends IntersectionType(PlanFilterQuery, PageQuery) {
  @ApiPropertyOptional({ example: 'nordbau' })
  @Optional()
  @IsId()
  dealerId?: string;

  @ApiPropertyOptional({ example: 'dealers-dach', description: 'The channel the dealer sells through.' })
  @Optional()
  @IsId()
  channelId?: string;
}
