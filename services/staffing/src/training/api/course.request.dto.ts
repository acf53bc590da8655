import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { IsId, Optional } from '@salesos/http';
import type { Course } from '../domain/course.decider';

/** A course of the caller's division's catalogue: what it teaches, what passes it, how long its certification lasts. */
export class DefineCourseRequest {
  @ApiProperty({ example: 'negotiation-101', description: 'The id the course is known by from now on.' })
  @IsId()
  courseId!: string;

  @ApiProperty({ maxLength: 200, example: 'Negotiation basics' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 50, example: ['discovery', 'objection handling'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  skills!: string[];

  @ApiProperty({ minimum: 0, maximum: 100, example: 70, description: 'The lowest score out of 100 that passes.' })
  @IsInt()
  @Min(0)
  @Max(100)
  passMark!: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 120,
    example: 12,
    description: 'How many months a pass certifies; left out, the certification a pass grants never expires.',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(120)
  certificationValidityMonths?: number;
}

/** The course's whole definition anew; a validity left out means its passes certify for good from now on. */
export class ReviseCourseRequest extends OmitType(DefineCourseRequest, ['courseId'] as const) {}

/** Why a course or programme leaves the catalogue. */
export class CatalogueRetirementRequest {
  @ApiProperty({ maxLength: 500, example: 'Replaced by Negotiation 201' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export const catalogueStatuses: Array<Course['status']> = ['active', 'retired'];

export class CatalogueListQuery {
  @ApiPropertyOptional({ enum: catalogueStatuses, description: 'Only those of this status; all without it.' })
  @Optional()
  @IsIn(catalogueStatuses)
  status?: Course['status'];
}
