import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { asyncApiPath, contractsVersion } from '../scripts/asyncapi-location';
import { buildAsyncApiDocument } from './asyncapi';
import { allContracts } from './catalog';
import { cloudEventType } from './integration-event';

describe('AsyncAPI document', () => {
  const generated = buildAsyncApiDocument(allContracts, contractsVersion);

  it('is current: regenerate with `npm run contracts:asyncapi` after changing a contract', () => {
    expect(readFileSync(asyncApiPath, 'utf8')).toBe(generated);
  });

  it('describes every topic and every message of every contract', () => {
    const document = parse(generated) as {
      asyncapi: string;
      channels: Record<
        string,
        { address: string; messages: Record<string, unknown>; bindings: { kafka: { partitions: number } } }
      >;
      components: { messages: Record<string, { name: string; payload: unknown }> };
    };
    expect(document.asyncapi).toBe('3.0.0');
    const addresses = Object.values(document.channels).map((channel) => channel.address);
    for (const contract of allContracts) {
      expect(addresses).toContain(contract.topic.name);
      const message = document.components.messages[`${contract.name}V${contract.version}`];
      expect(message?.name).toBe(cloudEventType(contract));
      expect(message?.payload).toEqual(JSON.parse(JSON.stringify(contract.schema)));
    }
    const messageCount = Object.values(document.channels).reduce(
      (sum, channel) => sum + Object.keys(channel.messages).length,
      0,
    );
    expect(messageCount).toBe(allContracts.length);
  });
});
