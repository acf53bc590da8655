import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { NestedList } from '@salesos/http';

/** Points a rule gives: a whole number from 0 to 100. */
function Points(description?: string): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: 'integer', minimum: 0, maximum: 100, ...(description ? { description } : {}) })(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(100)(target, key);
  };
}

export class SourcePointsRequest {
  @ApiProperty({ maxLength: 60, example: 'referral' })
  @IsString()
  @Length(1, 60)
  source!: string;

  @Points()
  points!: number;
}

export class ValueTierRequest {
  @ApiProperty({ minimum: 0, maximum: 1_000_000_000_000, example: 25000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000_000_000)
  atLeast!: number;

  @Points()
  points!: number;
}

export class CompanySizePointsRequest {
  @Points()
  micro!: number;

  @Points()
  small!: number;

  @Points()
  mid!: number;

  @Points()
  large!: number;

  @Points()
  enterprise!: number;
}

/** A division's lead scoring rules, as a whole; a lead's score is the sum of its points, at most 100. */
export class SetScoringRulesRequest {
  @ApiProperty({
    type: [SourcePointsRequest],
    maxItems: 50,
    description: 'Points by lead source (compared without regard to case); other sources give none.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @NestedList(() => SourcePointsRequest)
  sources!: SourcePointsRequest[];

  @ApiProperty({
    type: [ValueTierRequest],
    maxItems: 10,
    description: 'Points by estimated value: the highest tier the amount reaches counts.',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @NestedList(() => ValueTierRequest)
  estimatedValue!: ValueTierRequest[];

  @ApiProperty({ type: CompanySizePointsRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => CompanySizePointsRequest)
  companySize!: CompanySizePointsRequest;

  @Points('For an email address to reach the contact.')
  reachableEmail!: number;

  @Points('For a phone number to reach the contact.')
  reachablePhone!: number;

  @Points('For each target segment the lead fits.')
  perSegment!: number;

  @Points('At most this many for segment fit.')
  segmentsAtMost!: number;

  @Points('For each need the lead states.')
  perNeed!: number;

  @Points('At most this many for stated needs.')
  needsAtMost!: number;
}
