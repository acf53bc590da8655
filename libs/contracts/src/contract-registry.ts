import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { IntegrationEventContract, JsonSchema, TopicDefinition } from './integration-event';

export type Validation = { ok: true } | { ok: false; reason: string };

/** Every problem of a payload, as one line: each field's JSON pointer and what is wrong with it. */
function problemsOf(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .map((error) => `${error.instancePath === '' ? '(payload)' : error.instancePath} ${error.message ?? 'is invalid'}`)
    .join('; ');
}

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv;
}

/** A check of payloads against one schema, compiled once: for released schemas, which have no contract object. */
export function schemaCheck(schema: JsonSchema, label: string): (data: unknown) => Validation {
  const validate = newAjv().compile(schema);
  return (data) =>
    validate(data) ? { ok: true } : { ok: false, reason: `payload does not match ${label}: ${problemsOf(validate)}` };
}

/** The published contracts, looked up by CloudEvents type, with their schemas compiled once. */
export class ContractRegistry {
  private readonly byType = new Map<string, { contract: IntegrationEventContract; validate: ValidateFunction }>();

  constructor(contracts: readonly IntegrationEventContract[]) {
    const ajv = newAjv();
    for (const contract of contracts) {
      const { type } = contract;
      if (this.byType.has(type)) throw new Error(`Contract ${type} is defined twice`);
      if (!(contract.subjectField in contract.schema.properties)) {
        throw new Error(`Contract ${type}: subjectField '${contract.subjectField}' is not a property of its schema`);
      }
      this.byType.set(type, { contract, validate: ajv.compile(contract.schema) });
    }
  }

  get contracts(): IntegrationEventContract[] {
    return [...this.byType.values()].map((entry) => entry.contract);
  }

  get topics(): TopicDefinition[] {
    const topics = new Map<string, TopicDefinition>();
    for (const { contract } of this.byType.values()) topics.set(contract.topic.name, contract.topic);
    return [...topics.values()];
  }

  find(type: string): IntegrationEventContract | undefined {
    return this.byType.get(type)?.contract;
  }

  validate(type: string, data: unknown): Validation {
    const entry = this.byType.get(type);
    if (entry === undefined) return { ok: false, reason: `no contract for type '${type}'` };
    if (entry.validate(data)) return { ok: true };
    return { ok: false, reason: `payload does not match ${type}: ${problemsOf(entry.validate)}` };
  }
}
