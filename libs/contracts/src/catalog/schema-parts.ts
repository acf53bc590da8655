import type { JsonSchema } from '../integration-event';

export const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
export const instant: JsonSchema = { type: 'string', format: 'date-time' };
export const money: JsonSchema = {
  type: 'object',
  required: ['amount', 'currency'],
  additionalProperties: false,
  properties: {
    amount: { type: 'number', minimum: 0 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
};

/** An object payload whose listed fields are required and which carries nothing else. */
export function payload(
  description: string,
  properties: Record<string, JsonSchema>,
  optional: readonly string[] = [],
): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    description,
    additionalProperties: false,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    properties,
  };
}
