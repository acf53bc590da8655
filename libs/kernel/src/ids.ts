import { type Static, Type } from '@sinclair/typebox';

/** Ids of divisions, users, teams, dealers, products and records: letters, digits and _ . : @ -, at most 100. */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}$/;

export const Id = Type.String({ minLength: 1, maxLength: 100, pattern: idPattern.source });
export type Id = Static<typeof Id>;

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
