/** Values clients send by mistake or on purpose, that a strict API refuses or takes without harm. */

/** Text no field should take as it is: control characters, half surrogate pairs, direction marks, sheer size. */
export const oddStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '\ud83d',
  '\u202eevil\u202c',
  '\u200f\u200e',
  '\ufeffbom',
  '😀',
  'x'.repeat(1000),
  'x'.repeat(100_000),
  '\r\nX-Injected: 1',
  "'; DROP TABLE rpt_lead;--",
  '{"$ne":1}',
  '../../etc/passwd',
  '%00',
  '\\',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  'null',
  'true',
  '__proto__',
];

/** Numbers as JSON text: what JSON.stringify cannot write (-0) and what floating point makes of the rest. */
export const oddNumbers: readonly string[] = [
  '-0',
  '5e-324',
  '1e308',
  '-1e308',
  '1.7976931348623157e308',
  '1e21',
  '9007199254740993',
  '100000000000000000000000',
  '0.1',
  '1.005',
  '0.30000000000000004',
  '1e-7',
  '-1',
  '-0.0',
  '0e0',
];

/** Dates and instants in the forms the API does not take, and a few at the edges of what it does. */
export const oddDates: readonly string[] = [
  '2026-W01',
  '2026-W01-1',
  '20260101',
  '2026',
  '2026-01',
  '2026-001',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2026-03-01T00:00:00',
  '2026-03-01T25:00:00Z',
  '2026-03-01T23:59:60Z',
  '2026-03-01 00:00:00Z',
  '2026-03-01T00:00:00.1234567891Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01',
  '9999-12-31T23:59:59-23:59',
  '0001-01-01T00:00:00+23:59',
  'Sun, 01 Mar 2026 00:00:00 GMT',
  '1772323200000',
];

/** Values of every JSON type, to put where another type belongs. */
export const wrongTypes: readonly unknown[] = [0, 1.5, true, false, 'x', [], [null], {}, { a: 1 }, [[[]]]];

/** Field names that are not in any schema, JavaScript's reserved names among them. */
export const unknownNames: readonly string[] = [
  'colour',
  'divisionId',
  'isAdmin',
  '__proto__',
  'constructor',
  'prototype',
  'a.b',
  'a[b]',
  '',
  ' ',
  '\ud800',
  'k'.repeat(300),
];

/** Query values as they travel: already percent-encoded, some of them not valid UTF-8 or not valid encoding. */
export const rawQueryValues: readonly string[] = ['%ED%A0%80', '%FF', '%00', '%', '%zz', '%E2%80%AE', '+', '%2B5'];

/** Header values a client could send (visible ASCII: anything else is refused by the HTTP client itself). */
export const oddIfMatch: readonly string[] = [
  'three',
  '"x"',
  '"-1"',
  '"0"',
  '"1"',
  '"2"',
  '"999999999999999"',
  '"9999999999999999"',
  'W/"2"',
  '*',
  '',
  '"1", "2"',
  '"1',
];
export const oddIdempotencyKeys: readonly string[] = ['a b', 'k'.repeat(201), '', '/', 'k\tk', 'schl\u00fcssel'];
export const oddContentTypes: readonly string[] = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/merge-patch+json',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=utf-8',
  'text/csv',
  'garbage',
  'application/*',
];
export const oddContentEncodings: readonly string[] = ['gzip', 'deflate', 'br', 'zstd', 'identity', 'gzip, gzip'];
export const oddDivisions: readonly string[] = ['north', 'south', 'a b', '', 'x'.repeat(101), '*'];
