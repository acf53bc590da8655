import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/** The largest amount of money the API takes: a trillion in any currency. */
export const maxMoneyAmount = 1_000_000_000_000;

/**
 * A money amount: a JSON number from 0 to a trillion with at most two decimals (cents), compared as the decimal it
 * prints as, so 19.99 is taken and 5e-324, 0.001 and 0.1 + 0.2 are not. Negative zero is refused, not read as 0.
 */
export function isMoneyAmount(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Object.is(value, -0)) return false;
  if (value < 0 || value > maxMoneyAmount) return false;
  return Number(value.toFixed(2)) === value;
}

export function IsMoneyAmount(): PropertyDecorator {
  return applyDecorators(
    ValidateBy({
      name: 'isMoneyAmount',
      validator: {
        validate: isMoneyAmount,
        defaultMessage: () => `$property must be a number from 0 to ${maxMoneyAmount} with at most 2 decimals`,
      },
    }),
    ApiProperty({ type: 'number', minimum: 0, maximum: maxMoneyAmount, multipleOf: 0.01 }),
  );
}

const plainDigits = /^[0-9]+$/;

/**
 * A whole number in a query string, written in plain decimal digits: `0x10`, `1e3`, `1.0`, ` 5` and `+5` are refused
 * rather than read as numbers, and the value is bounded before it reaches a query.
 */
export function QueryInt(bounds: { min: number; max: number }): PropertyDecorator {
  const { min, max } = bounds;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && plainDigits.test(value) ? Number(value) : value,
    ),
    ValidateBy({
      name: 'isQueryInt',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max,
        defaultMessage: () => `$property must be a whole number from ${min} to ${max}, in decimal digits`,
      },
    }),
    ApiProperty({ type: 'integer', minimum: min, maximum: max }),
  );
}
