import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { type UnitKind, unitKinds } from '@salesos/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { AreIds, IsCalendarDate, IsId, Optional } from '@salesos/http';

/** A unit of the caller's division, opened from a day on. */
export class OpenUnitRequest {
  @ApiProperty({ example: 'presses-south', description: 'The id the unit is known by from now on.' })
  @IsId()
  unitId!: string;

  @ApiProperty({
    enum: unitKinds,
    example: 'team',
    description: 'A department sits right under the division; a team under a department or right under the division.',
  })
  @IsIn(unitKinds)
  kind!: UnitKind;

  @ApiProperty({ maxLength: 120, example: 'Presses South' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiPropertyOptional({
    example: 'machines-sales',
    description: 'The department the team sits under; left out, the unit sits right under the division.',
  })
  @Optional()
  @IsId()
  parentUnitId?: string;

  @ApiProperty({ type: [String], maxItems: 200, example: ['presses'], description: 'Empty: not cut by product group.' })
  @IsArray()
  @ArrayMaxSize(200)
  @AreIds()
  productGroups!: string[];

  @ApiProperty({ type: [String], maxItems: 200, example: ['mid-market'], description: 'Empty: not cut by segment.' })
  @IsArray()
  @ArrayMaxSize(200)
  @AreIds()
  segments!: string[];

  @ApiProperty({ type: [String], maxItems: 200, example: ['south'], description: 'Empty: not cut by territory.' })
  @IsArray()
  @ArrayMaxSize(200)
  @AreIds()
  territories!: string[];

  @ApiProperty({ example: '2026-02-01', description: 'The first day the unit exists.' })
  @IsCalendarDate()
  effectiveOn!: string;
}

/** The unit's name and cuts anew, as a whole. */
export class ReviseUnitRequest extends PickType(OpenUnitRequest, [
  'name',
  'productGroups',
  'segments',
  'territories',
] as const) {}

export class AssignUnitManagerRequest {
  @ApiProperty({ example: 'person-17', description: 'The person who manages the unit from effectiveOn on.' })
  @IsId()
  personId!: string;

  @ApiProperty({
    example: '2026-04-01',
    description: 'The first day they manage it; an assignment of the same day replaces the earlier one.',
  })
  @IsCalendarDate()
  effectiveOn!: string;
}

export class CloseUnitRequest {
  @ApiProperty({ maxLength: 500, example: 'Merged into Presses North' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiProperty({ example: '2026-10-01', description: 'The first day the unit no longer exists.' })
  @IsCalendarDate()
  effectiveOn!: string;
}

export class UnitTreeQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'The day the tree is asked for; today without it.' })
  @Optional()
  @IsCalendarDate()
  asOf?: string;
}
