/** Money figures keep their currencies apart: a total over EUR and USD deals is one figure per currency. */
export type ByCurrency = Record<string, number>;

export function addTo(totals: ByCurrency, currency: string, amount: number): void {
  totals[currency] = round2((totals[currency] ?? 0) + amount);
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;
