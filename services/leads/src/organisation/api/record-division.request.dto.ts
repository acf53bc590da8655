import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';
import { AreIds, IsId, NestedList } from '@salesos/http';

export class DivisionTeamRequest {
  @ApiProperty()
  @IsString()
  @IsId()
  teamId!: string;

  @ApiProperty({ maxLength: 120 })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ type: [String], maxItems: 500, description: "The team's reps; each one of the division's reps." })
  @IsArray()
  @ArrayMaxSize(500)
  @AreIds()
  repIds!: string[];
}

/** A division's whole record: what it is called, its reps and its teams (dealers come from the channels service). */
export class RecordDivisionRequest {
  @ApiProperty({ maxLength: 120 })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ type: [String], maxItems: 5000 })
  @IsArray()
  @ArrayMaxSize(5_000)
  @AreIds()
  repIds!: string[];

  @ApiProperty({ type: [DivisionTeamRequest], maxItems: 500 })
  @IsArray()
  @ArrayMaxSize(500)
  @NestedList(() => DivisionTeamRequest)
  teams!: DivisionTeamRequest[];
}
