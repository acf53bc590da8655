import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { IsId, IsInstant, IsMoney, MoneyRequest, Optional } from '@salesos/http';

/** A dealer's budget for a period, allocated the first time and adjusted (with a reason) after that. */
export class SetFundBudgetRequest {
  @ApiProperty({ type: MoneyRequest })
  @IsMoney()
  amount!: MoneyRequest;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why the budget changes; needed to adjust an allocated one.' })
  @Optional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class RequestFundsRequest {
  @ApiPropertyOptional({ example: 'spring-fair-2026', description: "The request's id; the server's when none." })
  @Optional()
  @IsId()
  requestId?: string;

  @ApiProperty({ type: MoneyRequest })
  @IsMoney()
  amount!: MoneyRequest;

  @ApiProperty({ maxLength: 500, example: 'Stand at the spring fair' })
  @IsString()
  @Length(1, 500)
  purpose!: string;
}

export class ApproveFundRequestRequest {
  @ApiProperty({ type: MoneyRequest, description: 'At most the amount requested.' })
  @IsMoney()
  approvedAmount!: MoneyRequest;
}

export class RejectFundRequestRequest {
  @ApiProperty({ maxLength: 500, example: 'Not a marketing expense' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ClaimFundsRequest {
  @ApiProperty({ type: MoneyRequest, description: 'At most the amount approved.' })
  @IsMoney()
  claimedAmount!: MoneyRequest;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 50, example: ['invoice-2026-0042'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  proof!: string[];
}

export class PayFundClaimRequest {
  @ApiProperty({ example: '2026-05-02T10:00:00Z' })
  @IsInstant()
  paidAt!: string;

  @ApiProperty({ maxLength: 200, example: 'SEPA-2026-05-0017' })
  @IsString()
  @Length(1, 200)
  reference!: string;
}
