import type { Static, TObject } from '@sinclair/typebox';

/** A JSON Schema (draft 2020-12) object, as plain data so it can be published in the AsyncAPI document. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** A Kafka topic of the public contract: one per aggregate type, keyed by aggregate id. */
export interface TopicDefinition {
  name: string;
  description: string;
  partitions: number;
  /** -1 keeps every record: read models are rebuilt by reading a topic from its beginning. */
  retentionMs: number;
}

/** The retention of the event topics: for ever, since a rebuild reads them from their first record. */
export const keptForever = -1;

/**
 * One published event at one version: its TypeScript type, JSON Schema and example come from one definition. A
 * breaking change is a new contract with the next version, published beside the old one on the same topic (so
 * per-key order holds across versions) until consumers have moved. Within a version, a minor release of the contracts
 * may only add optional properties, and consumers accept properties they do not know.
 */
export interface IntegrationEventContract<Schema extends TObject = TObject> {
  name: string;
  version: number;
  service: string;
  topic: TopicDefinition;
  description: string;
  /** The field of the payload holding the aggregate id: the record key and `ce_subject`. */
  subjectField: string;
  schema: Schema;
  /** A payload as the producer emits it, with every optional property set: documentation and compatibility checks. */
  example: Static<Schema>;
  /** The CloudEvents `type`: `salesos.<service>.<Name>.v<version>`. */
  type: string;
}

/** The payload type of a contract. */
export type ContractData<Contract> = Contract extends IntegrationEventContract<infer Schema> ? Static<Schema> : never;

/** The CloudEvents `type` of a contract: `salesos.<service>.<Name>.v<version>`. */
export function cloudEventType(contract: Pick<IntegrationEventContract, 'service' | 'name' | 'version'>): string {
  return `salesos.${contract.service}.${contract.name}.v${contract.version}`;
}

/** The CloudEvents `source` of a service's events. */
export function cloudEventSource(service: string): string {
  return `/salesos/${service}`;
}

/** An integration event as producers build it and consumers receive it. */
export interface IntegrationEvent<Data = unknown> {
  /** `ce_id`; consumers dedupe on it. */
  id: string;
  /** `ce_type`, e.g. `salesos.leads.LeadCaptured.v1`. */
  type: string;
  source: string;
  /** The aggregate id: the Kafka record key. */
  subject: string;
  /** When the fact happened, ISO-8601. */
  time: string;
  data: Data;
  correlationId?: string;
  causationId?: string;
  divisionId?: string;
}

/** The envelope of an event, all but its payload: what a producer takes from the stored event. */
export type EventEnvelope = Omit<IntegrationEvent, 'type' | 'source' | 'subject' | 'data'>;

/**
 * Defines a contract from its schema; the CloudEvents type follows from service, name and version. The example is
 * typed by the schema, so a definition whose example drifts from its schema does not compile.
 */
export function defineContract<Schema extends TObject>(
  definition: Omit<IntegrationEventContract<Schema>, 'type'> & { subjectField: keyof Static<Schema> & string },
): IntegrationEventContract<Schema> {
  return { ...definition, type: cloudEventType(definition) };
}

/**
 * Whether an event is of this contract. Consumers call it on events the consumer runner has already checked against
 * the contract's schema, so the payload's type follows from the event type.
 */
export function isEventOf<Schema extends TObject>(
  contract: IntegrationEventContract<Schema>,
  event: IntegrationEvent,
): event is IntegrationEvent<Static<Schema>> {
  return event.type === contract.type;
}

/** An integration event of a contract, from the stored event's envelope and a payload the schema types. */
export function eventOf<Schema extends TObject>(
  contract: IntegrationEventContract<Schema>,
  envelope: EventEnvelope,
  data: Static<Schema>,
): IntegrationEvent<Static<Schema>> {
  const subject = (data as Record<string, unknown>)[contract.subjectField];
  return {
    ...envelope,
    type: contract.type,
    source: cloudEventSource(contract.service),
    subject: typeof subject === 'string' ? subject : '',
    data,
  };
}
