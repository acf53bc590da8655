import { stringify } from 'yaml';
import { type IntegrationEventContract, type TopicDefinition } from './integration-event';

const kafkaBindingVersion = '0.5.0';

/** A definition as plain JSON: the schema builder's own markers (symbol keys) left out. */
const plainJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

const channelId = (topic: TopicDefinition): string =>
  `${pascal(topic.name)[0]?.toLowerCase()}${pascal(topic.name).slice(1)}`;
const messageId = (contract: IntegrationEventContract): string => `${contract.name}V${contract.version}`;

function headersSchema(contract: IntegrationEventContract): Record<string, unknown> {
  const text = { type: 'string' };
  return {
    type: 'object',
    required: ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_subject', 'content-type'],
    properties: {
      ce_specversion: { const: '1.0' },
      ce_id: { ...text, description: 'Unique id of this event; consumers deduplicate on it.' },
      ce_type: { const: contract.type },
      ce_source: { const: `/salesos/${contract.service}` },
      ce_time: { type: 'string', format: 'date-time', description: 'When the fact happened (business time).' },
      ce_subject: { ...text, description: `The ${contract.subjectField}; equal to the record key.` },
      'content-type': { const: 'application/json' },
      ce_correlationid: { ...text, description: 'Correlation id of the request that started the flow.' },
      ce_causationid: { ...text, description: 'Id of the command or event that caused this one.' },
      ce_divisionid: { ...text, description: 'Sales division the event belongs to.' },
    },
  };
}

/** The AsyncAPI 3.0 document of every topic and message, generated from the contracts. */
export function buildAsyncApiDocument(contracts: readonly IntegrationEventContract[], version: string): string {
  const topics = new Map<string, { topic: TopicDefinition; contracts: IntegrationEventContract[] }>();
  for (const contract of contracts) {
    const entry = topics.get(contract.topic.name) ?? { topic: contract.topic, contracts: [] };
    entry.contracts.push(contract);
    topics.set(contract.topic.name, entry);
  }
  const ordered = [...topics.values()].sort((a, b) => a.topic.name.localeCompare(b.topic.name));
  const document = {
    asyncapi: '3.0.0',
    info: {
      title: 'SalesOS integration events',
      version,
      description:
        'The public, versioned events of SalesOS on Kafka. Records are CloudEvents 1.0 in binary mode: attributes in ' +
        'ce_* headers, the JSON payload as the value, the aggregate id as the key (order holds per key). A breaking ' +
        'change is published as a new message version beside the old one on the same topic.',
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker of a local or CI run.' },
    },
    channels: Object.fromEntries(
      ordered.map(({ topic, contracts: inTopic }) => [
        channelId(topic),
        {
          address: topic.name,
          description: topic.description,
          messages: Object.fromEntries(
            inTopic.map((contract) => [messageId(contract), { $ref: `#/components/messages/${messageId(contract)}` }]),
          ),
          bindings: {
            kafka: {
              partitions: topic.partitions,
              topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': topic.retentionMs },
              bindingVersion: kafkaBindingVersion,
            },
          },
        },
      ]),
    ),
    operations: Object.fromEntries(
      ordered.map(({ topic, contracts: inTopic }) => [
        `publish${pascal(topic.name)}`,
        {
          action: 'send',
          summary: `Published by the ${inTopic[0]?.service ?? ''} service.`,
          channel: { $ref: `#/channels/${channelId(topic)}` },
          messages: inTopic.map((contract) => ({
            $ref: `#/channels/${channelId(topic)}/messages/${messageId(contract)}`,
          })),
        },
      ]),
    ),
    components: {
      messages: Object.fromEntries(
        [...contracts]
          .sort((a, b) => messageId(a).localeCompare(messageId(b)))
          .map((contract) => [
            messageId(contract),
            {
              name: contract.type,
              title: `${contract.name} v${contract.version}`,
              summary: contract.description,
              contentType: 'application/json',
              headers: headersSchema(contract),
              payload: plainJson(contract.schema),
              examples: [{ name: 'example', payload: plainJson(contract.example) }],
              correlationId: { location: '$message.header#/ce_correlationid' },
              bindings: {
                kafka: {
                  key: { type: 'string', description: `The ${contract.subjectField}.` },
                  bindingVersion: kafkaBindingVersion,
                },
              },
            },
          ]),
      ),
    },
  };
  return `# Generated by \`npm run contracts:asyncapi\` from libs/contracts: do not edit by hand.\n${stringify(document, { aliasDuplicateObjects: false })}`;
}
