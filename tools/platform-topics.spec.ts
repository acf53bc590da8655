import { allContracts } from '@salesos/contracts';
import { platformTopics } from './platform-topics';

const days = (count: number): number => count * 86_400_000;

describe('the platform topics a deployment creates', () => {
  const topics = platformTopics();
  const byName = new Map(topics.map((topic) => [topic.name, topic]));

  it('holds every published topic with the partitions and retention its contracts define', () => {
    for (const { topic } of allContracts) {
      expect(byName.get(topic.name)).toEqual(topic);
    }
    expect(byName.get('salesos.leads.lead')).toMatchObject({ partitions: 6, retentionMs: -1 });
    expect(byName.get('salesos.leads.deal-registration-decision')).toMatchObject({ retentionMs: days(90) });
  });

  it("holds each relay's parking topic and each consumer group's dead-letter topic, kept 30 days", () => {
    const deadLetters = topics.filter((topic) => topic.name.startsWith('salesos.dlq.')).map((topic) => topic.name);
    expect(deadLetters.sort()).toEqual(
      [
        'salesos.dlq.relay.leads',
        'salesos.dlq.relay.channels',
        'salesos.dlq.relay.staffing',
        'salesos.dlq.leads.deal-registrations',
        'salesos.dlq.leads.dealers',
        'salesos.dlq.channels.leads-events',
        'salesos.dlq.reporting.projections',
      ].sort(),
    );
    for (const name of deadLetters) expect(byName.get(name)).toMatchObject({ partitions: 1, retentionMs: days(30) });
  });

  it('names each topic once', () => {
    expect(byName.size).toBe(topics.length);
  });
});
