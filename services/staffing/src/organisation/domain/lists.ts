import { invalidInput } from './organisation.errors';

/** Whether two lists hold the same values in the same order. */
export const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** Refuses a list that names a value twice, naming the position of the repeat (`territories[2]`). */
export function requireListedOnce(field: string, values: readonly string[]): void {
  const at = values.findIndex((value, index) => values.indexOf(value) !== index);
  if (at !== -1) throw invalidInput(`${field}[${at}]`, `lists '${values[at]}' a second time`);
}
