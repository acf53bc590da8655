import { type Static, Type } from '@sinclair/typebox';

/** The largest amount the platform records: a trillion in any currency. */
export const maxAmount = 1_000_000_000_000;

/** An amount in a currency's major unit (at most two decimals where people enter it), with its ISO 4217 code. */
export const Money = Type.Object({
  amount: Type.Number({ minimum: 0, maximum: maxAmount }),
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR' }),
});
export type Money = Static<typeof Money>;

export const sameMoney = (a: Money, b: Money): boolean => a.amount === b.amount && a.currency === b.currency;
