import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, Matches, ValidateNested } from 'class-validator';
import { IsMoneyAmount } from './numbers';

/** A three-letter ISO 4217 code, as every amount of money in a request gives its currency. */
export const IsCurrencyCode = (): PropertyDecorator =>
  applyDecorators(IsString(), Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like EUR' }));

/** An amount of money in one currency, as every request body gives one. */
export class MoneyRequest {
  @ApiProperty({ example: 25000 })
  @IsMoneyAmount()
  amount!: number;

  @ApiProperty({ example: 'EUR' })
  @IsCurrencyCode()
  currency!: string;
}

/** A request property holding a `MoneyRequest`, checked field by field. */
export const IsMoney = (): PropertyDecorator =>
  applyDecorators(
    IsObject(),
    ValidateNested(),
    Type(() => MoneyRequest),
  );
