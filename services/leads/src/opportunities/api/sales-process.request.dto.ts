import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsString, Length, Max, Min } from 'class-validator';
import { IsId, NestedList } from '@salesos/http';

export class PipelineStageRequest {
  @ApiProperty({ maxLength: 60, example: 'proposal' })
  @IsString()
  @Length(1, 60)
  @IsId()
  stageId!: string;

  @ApiProperty({ maxLength: 120, example: 'Proposal' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    example: 0.5,
    description: 'Likelihood of winning from this stage, 0 to 1 (as GET /pipelines shows it).',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  probability!: number;
}

/** A pipeline, defined or replaced as a whole: its name and its stages in order (earlier to later). */
export class DefinePipelineRequest {
  @ApiProperty({ maxLength: 120, example: 'Service contracts' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ type: [PipelineStageRequest], minItems: 1, maxItems: 30, description: 'In order.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @NestedList(() => PipelineStageRequest)
  stages!: PipelineStageRequest[];
}

/** The reasons the division's deals are won and lost for, each list as a whole. */
export class OpportunityReasonsRequest {
  @ApiProperty({
    type: [String],
    maxItems: 50,
    example: ['product-fit', 'relationship'],
    description: 'A win may name one of these; an empty list means wins name none.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  wonReasons!: string[];

  @ApiProperty({ type: [String], minItems: 1, maxItems: 50, example: ['price', 'competitor'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  lossReasons!: string[];
}
