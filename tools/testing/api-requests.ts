import fc from 'fast-check';
import type { ApiOperation, Schema } from './api-operations';
import {
  oddContentEncodings,
  oddContentTypes,
  oddDates,
  oddDivisions,
  oddIdempotencyKeys,
  oddIfMatch,
  oddNumbers,
  oddStrings,
  rawQueryValues,
  unknownNames,
  wrongTypes,
} from './odd-values';

/** A request as it goes over the wire: the body is text, so it can hold what JSON.stringify would not write. */
export interface FuzzRequest {
  /** What was done to a request the document describes. */
  twist: string;
  method: ApiOperation['method'];
  /** Path and query, encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the generated requests can refer to: records that exist, and callers by role. */
export interface FuzzContext {
  /** Real ids by the name of the path parameter or body field that takes them (`leadId`, `intoLeadId`, ...). */
  ids: Record<string, string[]>;
  /** The Authorization header of a caller who may call the operation, and of callers who may not. */
  callerFor(operation: ApiOperation): fc.Arbitrary<Record<string, string>>;
}

/** Values from the domain that no schema states, so that part of the requests get past the rules to a decision. */
const domainValues: Record<string, readonly string[]> = {
  stageId: ['prospecting', 'qualification', 'proposal', 'negotiation', 'commit'],
  reason: ['price', 'competitor', 'timing', 'no budget'],
  email: ['ada@acme.test', 'bo@example.com'],
  kind: ['direct', 'dealer', 'round-robin', 'territory-segment', 'least-loaded'],
  currency: ['EUR', 'USD'],
  name: ['pipeline', 'lead-funnel', 'all'],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const day = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const instant = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** A value the schema describes, most of the time one the API takes. */
export function valueOf(schema: Schema, name = '', ids: Record<string, string[]> = {}): fc.Arbitrary<Json> {
  if (schema.enum !== undefined) return fc.constantFrom(...(schema.enum as Json[]));
  const known = ids[name] ?? domainValues[name];
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'date') return day;
      if (schema.format === 'date-time') return instant;
      if (schema.format === 'uuid')
        return known === undefined ? fc.uuid() : fc.oneof(fc.uuid(), fc.constantFrom(...known));
      const generated = word.map((text) => text.slice(0, schema.maxLength ?? 60));
      // Values the domain knows reach a decision; made-up ones mostly stop at a rule.
      return fc.oneof(
        { weight: 1, arbitrary: generated },
        ...(known === undefined ? [] : [{ weight: 4, arbitrary: fc.constantFrom(...known) }]),
        ...(typeof schema.example === 'string' ? [{ weight: 4, arbitrary: fc.constant(schema.example) }] : []),
      );
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 1000) });
    case 'number':
      return schema.multipleOf === 0.01
        ? fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100)
        : fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 1000) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueOf(schema.items ?? {}, name, ids), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    default: {
      if (schema.properties === undefined) return fc.constant({});
      const properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, property]) => [key, valueOf(property, key, ids)]),
      );
      return fc.record(properties, { requiredKeys: schema.required ?? [] });
    }
  }
}

/** JSON text that writes -0 as -0 and a few numbers as raw literals (marked by `rawNumber`). */
const rawNumber = (literal: string): Json => ({ '\u0000raw': literal });
function jsonText(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const raw = value['\u0000raw'];
    if (typeof raw === 'string' && Object.keys(value).length === 1) return raw;
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`)
      .join(',')}}`;
  }
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return JSON.stringify(value);
}

function pathsOf(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
  if (value !== null && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))];
  }
  return [path];
}

/** The value with the member at `path` changed by `next`; the value itself is left as it was. */
function setAt(value: Json, path: Path, next: (current: Json) => Json): Json {
  if (path.length === 0) return next(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setAt(copy[head as number] as Json, rest, next);
    return copy;
  }
  const members = value as { [key: string]: Json };
  return { ...members, [head as string]: setAt(members[head as string] as Json, rest, next) };
}

/** The value without the member at `path`. */
function removeAt(value: Json, path: Path): Json {
  if (path.length === 0) return value;
  const last = path[path.length - 1];
  return setAt(value, path.slice(0, -1), (parent) => {
    if (Array.isArray(parent)) return parent.filter((_item, index) => index !== last);
    const { [last as string]: _removed, ...rest } = parent as { [key: string]: Json };
    return rest;
  });
}

const pathText = (path: Path) => path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');

/** One change to a JSON value, chosen at random among its members. */
const jsonTwists = fc.oneof(
  fc.record({ kind: fc.constant('null' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('wrong type' as const), at: fc.nat(), value: fc.constantFrom(...wrongTypes) }),
  fc.record({ kind: fc.constant('left out' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('unknown field' as const), at: fc.nat(), name: fc.constantFrom(...unknownNames) }),
  fc.record({ kind: fc.constant('odd text' as const), at: fc.nat(), value: fc.constantFrom(...oddStrings) }),
  fc.record({ kind: fc.constant('odd number' as const), at: fc.nat(), value: fc.constantFrom(...oddNumbers) }),
  fc.record({ kind: fc.constant('odd date' as const), at: fc.nat(), value: fc.constantFrom(...oddDates) }),
);
type JsonTwist = typeof jsonTwists extends fc.Arbitrary<infer T> ? T : never;

function twisted(value: Json, twist: JsonTwist): { value: Json; twist: string } {
  const paths = pathsOf(value);
  const path = paths[twist.at % paths.length] as Path;
  const where = pathText(path) || 'the body';
  switch (twist.kind) {
    case 'null':
      return { value: setAt(value, path, () => null), twist: `null at ${where}` };
    case 'wrong type':
      return {
        value: setAt(value, path, () => twist.value as Json),
        twist: `${JSON.stringify(twist.value)} at ${where}`,
      };
    case 'left out':
      return { value: removeAt(value, path), twist: `${where} left out` };
    case 'unknown field':
      return {
        value: setAt(value, path, (current) =>
          current !== null && typeof current === 'object' && !Array.isArray(current)
            ? { ...current, [twist.name]: 'x' }
            : current,
        ),
        twist: `unknown field ${JSON.stringify(twist.name.slice(0, 20))} in ${where}`,
      };
    case 'odd text':
    case 'odd date':
      return {
        value: setAt(value, path, () => twist.value),
        twist: `${JSON.stringify(twist.value.slice(0, 20))}${twist.value.length > 20 ? '…' : ''} at ${where}`,
      };
    case 'odd number':
      return { value: setAt(value, path, () => rawNumber(twist.value)), twist: `${twist.value} at ${where}` };
  }
}

/** Bodies no JSON operation takes: broken, of another shape, too deep, too large. */
const rawBodies = fc.oneof(
  fc.constantFrom('[]', '"x"', '1', 'null', 'true', '{}}', '{"a":}', '{', '', ' ', '\ufeff{}', "{'a':1}", '{"a":1,}'),
  fc.integer({ min: 1000, max: 20_000 }).map((levels) => `{"a":${'['.repeat(levels)}${']'.repeat(levels)}}`),
  fc.constant(`{"a":"${'x'.repeat(200_000)}"}`),
  fc.constant(`[${'{},'.repeat(5000)}{}]`),
);

const csvColumns = [
  'source',
  'company_name',
  'contact_name',
  'contact_email',
  'estimated_amount',
  'currency',
  'shoe_size',
];
const csvBody = fc
  .tuple(
    fc.subarray(csvColumns, { minLength: 1 }),
    fc.array(
      fc.array(fc.oneof(word, fc.constantFrom(...oddStrings.filter((text) => text.length < 1000))), { maxLength: 8 }),
      {
        maxLength: 4,
      },
    ),
  )
  .map(([columns, rows]) => [columns.join(','), ...rows.map((row) => row.join(','))].join('\r\n'));

const headerTwists = fc.oneof(
  fc.record({ header: fc.constant('If-Match'), value: fc.constantFrom(...oddIfMatch) }),
  fc.record({ header: fc.constant('Idempotency-Key'), value: fc.constantFrom(...oddIdempotencyKeys, 'k1', 'k2') }),
  fc.record({ header: fc.constant('Content-Type'), value: fc.constantFrom(...oddContentTypes) }),
  fc.record({ header: fc.constant('Content-Encoding'), value: fc.constantFrom(...oddContentEncodings) }),
  fc.record({ header: fc.constant('X-Division-Id'), value: fc.constantFrom(...oddDivisions) }),
  fc.record({ header: fc.constant('X-Correlation-Id'), value: fc.constantFrom('a b', 'c'.repeat(201), 'ok-1') }),
);

/** Authorization headers as clients get them wrong, or right in an unusual way. */
const authorizationTwists: Array<[label: string, twist: (header: string) => string]> = [
  ['the scheme in lower case', (header) => header.replace(/^Bearer /, 'bearer ')],
  ['the scheme in capitals, spaces after it', (header) => header.replace(/^Bearer /, 'BEARER   ')],
  ['another scheme', () => 'Basic dXNlcjpzZWNyZXQ='],
  ['a scheme without a token', () => 'Bearer'],
  ['a token that is not a JWT', () => 'Bearer a.b.c'],
  ['a token with a changed signature', (header) => `${header.slice(0, -2)}xx`],
];

const queryTwists = fc.oneof(
  fc.record({
    kind: fc.constant('unknown' as const),
    name: fc.constantFrom(...unknownNames.filter((name) => !/[\ud800-\udfff]/.test(name))),
  }),
  fc.record({
    kind: fc.constant('odd value' as const),
    at: fc.nat(),
    value: fc.constantFrom(
      ...oddStrings.filter((text) => text.length <= 1000 && !/[\ud800-\udfff]/.test(text)),
      ...oddNumbers,
      ...oddDates,
    ),
  }),
  fc.record({ kind: fc.constant('raw value' as const), at: fc.nat(), value: fc.constantFrom(...rawQueryValues) }),
  fc.record({ kind: fc.constant('repeated' as const), at: fc.nat() }),
);

/** A value one time in five, and none otherwise. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

const encode = (pairs: Array<[string, string]>, raw: Array<[string, string]> = []) =>
  [
    ...pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
    ...raw.map(([name, value]) => `${encodeURIComponent(name)}=${value}`),
  ].join('&');

const garbageIds = [
  'x',
  'not-a-uuid',
  '%ED%A0%80',
  '%zz',
  '%00',
  encodeURIComponent('\u202e'),
  '00000000-0000-0000-0000-00000000000g',
  'A'.repeat(300),
];

/**
 * Requests for one operation: from its document, with real ids part of the time, and most of them twisted in one
 * way (a body member, the body as a whole, a query parameter, a header, a path parameter).
 */
export function requestsFor(operation: ApiOperation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const pathValues = fc.tuple(
    ...pathParameters.map((parameter) => {
      const real = context.ids[parameter.name] ?? [];
      return fc.oneof(
        { weight: real.length > 0 ? 6 : 0, arbitrary: real.length > 0 ? fc.constantFrom(...real) : fc.constant('x') },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constantFrom(...garbageIds) },
      );
    }),
  );
  const query = fc.tuple(
    ...queryParameters.map((parameter) =>
      fc.option(valueOf(parameter.schema, parameter.name).map(String), { freq: 2 }),
    ),
  );
  const body =
    operation.body === undefined
      ? fc.constant(undefined)
      : operation.body.contentType === 'text/csv'
        ? csvBody
        : valueOf(operation.body.schema, '', context.ids);
  const twist = fc.oneof(
    { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: operation.body?.contentType === 'application/json' ? 6 : 0,
      arbitrary: jsonTwists.map((json) => ({ kind: 'json' as const, json })),
    },
    {
      weight: operation.body === undefined ? 0 : 2,
      arbitrary: rawBodies.map((raw) => ({ kind: 'raw body' as const, raw })),
    },
    { weight: 3, arbitrary: headerTwists.map((header) => ({ kind: 'header' as const, header })) },
    {
      weight: 1,
      arbitrary: fc
        .nat({ max: authorizationTwists.length - 1 })
        .map((index) => ({ kind: 'authorization' as const, index })),
    },
    { weight: 3, arbitrary: queryTwists.map((query) => ({ kind: 'query' as const, query })) },
  );
  return fc
    .record({
      caller: context.callerFor(operation),
      pathValues,
      query,
      body,
      ifMatch: sometimes(fc.constantFrom('"1"', '"2"', '"3"', '*')),
      idempotencyKey: sometimes(fc.constantFrom('k1', 'k2', 'k3')),
      twist,
    })
    .map((parts): FuzzRequest => {
      let path = operation.path;
      pathParameters.forEach((parameter, index) => {
        const value = parts.pathValues[index] as string;
        const encoded = /^[A-Za-z0-9%-]+$/.test(value) ? value : encodeURIComponent(value);
        path = path.replace(`{${parameter.name}}`, encoded);
      });
      const pairs: Array<[string, string]> = [];
      queryParameters.forEach((parameter, index) => {
        const value = parts.query[index];
        if (value !== null && value !== undefined) pairs.push([parameter.name, value]);
      });
      const headers: Record<string, string> = { ...parts.caller };
      if (parts.ifMatch !== null) headers['If-Match'] = parts.ifMatch;
      if (parts.idempotencyKey !== null) headers['Idempotency-Key'] = parts.idempotencyKey;
      let body: Json | undefined = parts.body;
      let text: string | undefined;
      let twist = 'none';
      const raw: Array<[string, string]> = [];
      const { twist: chosen } = parts;
      switch (chosen.kind) {
        case 'json': {
          const result = twisted(body as Json, chosen.json);
          body = result.value;
          twist = result.twist;
          break;
        }
        case 'raw body':
          text = chosen.raw;
          twist = `body ${JSON.stringify(chosen.raw.slice(0, 30))}${chosen.raw.length > 30 ? `… (${chosen.raw.length} characters)` : ''}`;
          break;
        case 'header':
          headers[chosen.header.header] = chosen.header.value;
          twist = `${chosen.header.header}: ${JSON.stringify(chosen.header.value.slice(0, 30))}`;
          break;
        case 'authorization': {
          const [label, change] = authorizationTwists[chosen.index] as (typeof authorizationTwists)[number];
          if (headers.Authorization !== undefined) headers.Authorization = change(headers.Authorization);
          twist = `Authorization: ${label}`;
          break;
        }
        case 'query': {
          const { query: change } = chosen;
          const target = pairs.length === 0 ? undefined : pairs[('at' in change ? change.at : 0) % pairs.length];
          if (change.kind === 'unknown') pairs.push([change.name, '1']);
          else if (target === undefined) pairs.push(['colour', 'red']);
          else if (change.kind === 'odd value') target[1] = change.value;
          else if (change.kind === 'raw value') {
            pairs.splice(pairs.indexOf(target), 1);
            raw.push([target[0], change.value]);
          } else pairs.push([target[0], target[1]]);
          twist = `query ${change.kind}${'name' in change ? ` ${JSON.stringify(change.name.slice(0, 20))}` : ''}${'value' in change ? ` ${JSON.stringify(change.value.slice(0, 20))}` : ''}`;
          break;
        }
        case 'none':
      }
      if (text === undefined && body !== undefined) text = typeof body === 'string' ? body : jsonText(body);
      if (text !== undefined && operation.body !== undefined) headers['Content-Type'] ??= operation.body.contentType;
      const queryText = encode(pairs, raw);
      const request: FuzzRequest = {
        twist,
        method: operation.method,
        url: queryText === '' ? path : `${path}?${queryText}`,
        headers,
        ...(text === undefined ? {} : { body: text }),
      };
      // A failure report shows the request as describeRequest writes it, not a body of 200,000 characters.
      Object.defineProperty(request, fc.toStringMethod, { value: () => describeRequest(request) });
      return request;
    });
}

/** A request as a failure report shows it: the body cut short, the token left out. */
export function describeRequest(request: FuzzRequest): string {
  const { Authorization: _token, ...headers } = request.headers;
  const body =
    request.body === undefined
      ? ''
      : `\n${request.body.slice(0, 600)}${request.body.length > 600 ? `… (${request.body.length} characters)` : ''}`;
  return `${request.method.toUpperCase()} ${request.url.slice(0, 300)} [${request.twist}]\n${JSON.stringify(headers)}${body}`;
}
