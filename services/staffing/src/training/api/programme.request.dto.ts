import { ApiProperty, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { AreIds, IsId } from '@salesos/http';

/** A programme of the caller's division's catalogue: courses taken in order, enrolled in at once. */
export class DefineProgrammeRequest {
  @ApiProperty({ example: 'new-rep-path', description: 'The id the programme is known by from now on.' })
  @IsId()
  programmeId!: string;

  @ApiProperty({ maxLength: 200, example: 'New rep path' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 50,
    example: ['product-basics', 'negotiation-101'],
    description: 'Courses the division offers, in the order they are meant to be taken.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @AreIds()
  courseIds!: string[];
}

/** The programme's title and courses anew; people enrolled before keep the enrolments they have. */
export class ReviseProgrammeRequest extends OmitType(DefineProgrammeRequest, ['programmeId'] as const) {}
