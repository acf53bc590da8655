import { createHash } from 'node:crypto';
import { MemoryEventStore } from '@salesos/event-store';
import { seedDemoData } from './seed-demo-data';

jest.setTimeout(60_000);

const end = new Date('2026-11-27T00:00:00.000Z');

async function seeded(seed: number, maxEvents?: number) {
  const store = new MemoryEventStore();
  const progress = await seedDemoData(store, {
    seed,
    months: 3,
    leadsPerMonth: 30,
    end,
    ...(maxEvents === undefined ? {} : { maxEvents }),
  });
  const events = (await store.readAll({ maxCount: 1_000_000 })).events;
  return { progress, events };
}

function fingerprint(events: Awaited<ReturnType<typeof seeded>>['events']): string {
  const hash = createHash('sha256');
  for (const event of events) {
    hash.update(JSON.stringify([event.type, event.data, event.metadata.eventId, event.metadata.occurredAt]));
  }
  return hash.digest('hex');
}

describe('demo data', () => {
  it('writes the same events for the same seed, and other events for another seed', async () => {
    const first = await seeded(42);
    const again = await seeded(42);
    const other = await seeded(7);
    expect(fingerprint(again.events)).toBe(fingerprint(first.events));
    expect(fingerprint(other.events)).not.toBe(fingerprint(first.events));
    expect(first.progress.events).toBe(first.events.length);
  });

  it('is a company of three divisions and 120 reps, with segments, rules, and deals won and lost in business time', async () => {
    const { events, progress } = await seeded(42);
    const divisions = new Set(events.map((event) => event.metadata.divisionId));
    expect([...divisions].sort()).toEqual(['machines', 'medical', 'services']);
    const rules = events.filter((event) => event.type === 'AssignmentRulesSet');
    const reps = new Set(
      rules.flatMap((event) =>
        (event.data as { rules: Array<{ repId?: string; repIds?: string[] }> }).rules.flatMap(
          (rule) => rule.repIds ?? (rule.repId ? [rule.repId] : []),
        ),
      ),
    );
    expect(reps.size).toBe(120);
    expect(events.filter((event) => event.type === 'SegmentDefined')).toHaveLength(12);
    expect(progress.leads).toBeGreaterThan(200);
    const count = (type: string) => events.filter((event) => event.type === type).length;
    for (const type of [
      'LeadQualified',
      'LeadDisqualified',
      'LeadConverted',
      'OpportunityStageChanged',
      'OpportunityWon',
      'OpportunityLost',
    ]) {
      expect({ type, count: count(type) > 0 }).toEqual({ type, count: true });
    }
    const backward = events.filter(
      (event) =>
        event.type === 'OpportunityStageChanged' && (event.data as { direction: string }).direction === 'backward',
    );
    expect(backward.length).toBeGreaterThan(0);
    const byStream = new Map<string, string[]>();
    for (const event of events)
      byStream.set(event.metadata.streamId, [
        ...(byStream.get(event.metadata.streamId) ?? []),
        event.metadata.occurredAt,
      ]);
    for (const times of byStream.values()) expect([...times].sort()).toEqual(times);
    const first = events.find((event) => event.type === 'LeadCaptured');
    expect(Date.parse(first?.metadata.occurredAt ?? '')).toBeLessThan(end.getTime() - 80 * 24 * 60 * 60 * 1000);
    expect(events.every((event) => Date.parse(event.metadata.occurredAt) <= end.getTime())).toBe(true);
  });

  it('stops at the asked number of events', async () => {
    const { events } = await seeded(42, 500);
    expect(events.length).toBeGreaterThanOrEqual(500);
    expect(events.length).toBeLessThan(520);
  });
});
