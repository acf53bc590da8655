import { type TString, Type, type TUnsafe } from '@sinclair/typebox';

/** Free text of a bounded length, as every field of the platform is: empty strings only where `min` is 0. */
export function text(min: number, max: number, description?: string): TString {
  return Type.String({ minLength: min, maxLength: max, ...(description === undefined ? {} : { description }) });
}

/** One of a fixed list of strings: a plain JSON Schema `enum`, typed as the union of its values. */
export function oneOf<const Values extends readonly string[]>(
  values: Values,
  description?: string,
): TUnsafe<Values[number]> {
  return Type.Unsafe<Values[number]>({
    type: 'string',
    enum: [...values],
    ...(description === undefined ? {} : { description }),
  });
}
