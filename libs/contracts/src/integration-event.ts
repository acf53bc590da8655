/** A JSON Schema (draft 2020-12) object, as plain data so it can be published in the AsyncAPI document. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** A Kafka topic of the public contract: one per aggregate type, keyed by aggregate id. */
export interface TopicDefinition {
  name: string;
  description: string;
  partitions: number;
  retentionMs: number;
}

/**
 * One published event at one version. A breaking change is a new contract with the next version, published
 * beside the old one on the same topic (so per-key order holds across versions) until consumers have moved.
 */
export interface IntegrationEventContract {
  name: string;
  version: number;
  service: string;
  topic: TopicDefinition;
  description: string;
  /** The field of the payload holding the aggregate id: the record key and `ce_subject`. */
  subjectField: string;
  schema: JsonSchema;
}

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
