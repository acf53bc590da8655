import type { ByCurrency } from './reports';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export const count = (value: number): string => whole.format(value);

/** Amounts per currency, largest first; reports never add up different currencies. */
export function money(values: ByCurrency | undefined): string {
  const entries = Object.entries(values ?? {});
  if (entries.length === 0) return '–';
  return entries
    .sort(([, a], [, b]) => b - a)
    .map(([currency, value]) => `${currency} ${whole.format(value)}`)
    .join(' + ');
}

/** The first currency's amount, for a chart's bar: a chart shows one currency (the division's). */
export function mainAmount(values: ByCurrency | undefined): number {
  return Object.values(values ?? {}).sort((a, b) => b - a)[0] ?? 0;
}

export function mainCurrency(values: readonly ByCurrency[]): string | undefined {
  for (const value of values) {
    const first = Object.keys(value)[0];
    if (first !== undefined) return first;
  }
  return undefined;
}

export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '–' : `${oneDecimal.format(rate * 100)} %`;

export const days = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : `${oneDecimal.format(value)} days`;

/** A UTC day as the person reads it. */
export const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '–');

/** `new-business` → `new business`. */
export const label = (id: string): string => id.replace(/[-_]/g, ' ');

/** Amounts added up per currency. */
export function addUp(values: readonly ByCurrency[]): ByCurrency {
  const total: ByCurrency = {};
  for (const value of values) {
    for (const [currency, amount] of Object.entries(value)) total[currency] = (total[currency] ?? 0) + amount;
  }
  return total;
}
