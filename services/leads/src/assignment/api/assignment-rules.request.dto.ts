import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { AreIds, IsId, NestedList, Optional, RequiredWhen } from '@salesos/http';

const kinds = ['territory-segment', 'round-robin', 'least-loaded'] as const;

export class AssignmentRuleRequest {
  @ApiProperty({ enum: kinds })
  @IsIn(kinds)
  kind!: (typeof kinds)[number];

  @ApiProperty()
  @IsString()
  @IsId()
  ruleId!: string;

  @ApiPropertyOptional({ description: 'territory-segment: the territory it applies to.' })
  @Optional()
  @IsString()
  @Length(1, 80)
  territory?: string;

  @ApiPropertyOptional({ description: 'territory-segment: the segment it applies to.' })
  @Optional()
  @IsString()
  @Length(1, 100)
  segmentId?: string;

  @ApiPropertyOptional({ description: 'territory-segment: the rep who gets the lead.' })
  @RequiredWhen((rule: AssignmentRuleRequest) => rule.kind === 'territory-segment')
  @IsString()
  @IsId()
  repId?: string;

  @ApiPropertyOptional({ description: 'round-robin and least-loaded: the team.' })
  @RequiredWhen((rule: AssignmentRuleRequest) => rule.kind !== 'territory-segment')
  @IsString()
  @IsId()
  teamId?: string;

  @ApiPropertyOptional({ type: [String], description: 'round-robin and least-loaded: the reps to choose from.' })
  @RequiredWhen((rule: AssignmentRuleRequest) => rule.kind !== 'territory-segment')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @AreIds()
  repIds?: string[];
}

export class SetAssignmentRulesRequest {
  @ApiProperty({
    type: [AssignmentRuleRequest],
    description: 'In priority order: the first rule that applies assigns.',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @NestedList(() => AssignmentRuleRequest)
  rules!: AssignmentRuleRequest[];
}
