export interface Money {
  amount: number;
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
}
