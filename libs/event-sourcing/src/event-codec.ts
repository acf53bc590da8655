import { type Static, type TObject } from '@sinclair/typebox';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { DomainEvent } from './decider';

/** The schemas of an aggregate's events, by event type. */
export type EventSchemas = Readonly<Record<string, TObject>>;

/** The union of the events a set of schemas defines: `{ type, data }` with data typed by its schema. */
export type EventsOf<Schemas extends EventSchemas> = {
  [Type in keyof Schemas & string]: DomainEvent<Type, Static<Schemas[Type]>>;
}[keyof Schemas & string];

/** A stored event that is not what its type says: unknown type, or data its schema refuses. */
export class MalformedEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string,
    readonly eventId?: string,
  ) {
    super(`${eventType}${eventId === undefined ? '' : ` ${eventId}`} is malformed: ${problems}`);
    this.name = 'MalformedEventError';
  }
}

/** A decided event its own schema refuses: what the command accepted is more than its events allow. */
export class InvalidEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: Array<{ path: string; message: string }>,
  ) {
    super(
      `The ${eventType} this command decides is not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    );
    this.name = 'InvalidEventError';
  }
}

/** The events of one aggregate, typed by their schemas: what is appended is checked, what is read is decoded. */
export interface EventCodec<E extends DomainEvent> {
  readonly types: readonly string[];
  /** Whether an event of this type belongs to the aggregate. */
  knows(type: string): boolean;
  /** A stored event as the aggregate's event; throws MalformedEventError for one its schema refuses. */
  decode(event: { type: string; data: unknown; metadata?: { eventId?: string } }): E;
  /** Throws InvalidEventError when a decided event breaks its schema: nothing is appended then. */
  check(event: E): void;
}

let shared: Ajv2020 | undefined;
function ajv(): Ajv2020 {
  if (shared === undefined) {
    shared = new Ajv2020({ allErrors: true, strict: true });
    addFormats(shared);
  }
  return shared;
}

function problemsOf(validate: ValidateFunction): Array<{ path: string; message: string }> {
  return (validate.errors ?? []).map((error) => ({
    path: error.instancePath === '' ? 'data' : `data${error.instancePath.replace(/\//g, '.')}`,
    message: error.message ?? 'is invalid',
  }));
}

/**
 * Defines an aggregate's events once: their TypeScript types follow from the schemas, and the codec checks events
 * against the same schemas on the way into the store and on the way out.
 */
export function defineEvents<Schemas extends EventSchemas>(schemas: Schemas): EventCodec<EventsOf<Schemas>> {
  const validators = new Map<string, ValidateFunction>(
    Object.entries(schemas).map(([type, schema]) => [type, ajv().compile(schema)]),
  );
  const validatorOf = (type: string): ValidateFunction | undefined => validators.get(type);
  return {
    types: Object.keys(schemas),
    knows: (type) => validators.has(type),
    decode(event) {
      const validate = validatorOf(event.type);
      if (validate === undefined) {
        throw new MalformedEventError(event.type, 'no event of this type belongs here', event.metadata?.eventId);
      }
      if (!validate(event.data)) {
        const problems = problemsOf(validate).map((problem) => `${problem.path} ${problem.message}`);
        throw new MalformedEventError(event.type, problems.join('; '), event.metadata?.eventId);
      }
      return { type: event.type, data: event.data } as EventsOf<Schemas>;
    },
    check(event) {
      const validate = validatorOf(event.type);
      if (validate === undefined) throw new InvalidEventError(event.type, [{ path: 'type', message: 'is unknown' }]);
      if (!validate(event.data)) throw new InvalidEventError(event.type, problemsOf(validate));
    },
  };
}

/** The event union a codec decodes to. */
export type EventOf<Codec> = Codec extends EventCodec<infer E> ? E : never;
