import { MemoryEventStore, type RecordedEvent } from '@salesos/event-store';
import { ServiceViews } from '../../core/views-feeder';
import { InMemoryLeadDirectory } from './lead-directory';

let position = 0n;
const versions = new Map<string, number>();
function recorded(leadId: string, type: string, data: Record<string, unknown>): RecordedEvent {
  const version = (versions.get(leadId) ?? 0) + 1;
  versions.set(leadId, version);
  position += 1n;
  return {
    type,
    data: { leadId, ...data },
    metadata: {
      eventId: `e${position}`,
      type,
      schemaVersion: 1,
      streamId: `lead-${leadId}`,
      streamVersion: version,
      globalPosition: position,
      recordedAt: '2026-03-01T00:00:00.000Z',
      occurredAt: '2026-03-01T00:00:00.000Z',
      divisionId: 'north',
    },
  };
}

const captured = (leadId: string, email: string) =>
  recorded(leadId, 'LeadCaptured', {
    divisionId: 'north',
    source: 'web',
    contact: { name: 'N', email },
    company: { name: `Company ${leadId}` },
    needTags: [],
    segmentIds: [],
    acceptedDuplicatesOf: [],
    capturedAt: '2026-03-01T00:00:00.000Z',
  });
const assigned = (leadId: string, repId: string) =>
  recorded(leadId, 'LeadAssigned', { repId, rule: { kind: 'manual', detail: 'x' }, assignedAt: 'x' });

describe('LeadDirectory', () => {
  it('counts each rep’s open leads as leads change hands and status', async () => {
    const directory = new InMemoryLeadDirectory(new ServiceViews(new MemoryEventStore()));
    for (const event of [
      captured('a', 'a@x.test'),
      captured('b', 'b@x.test'),
      captured('c', 'c@x.test'),
      assigned('a', 'rep-1'),
      assigned('b', 'rep-1'),
      assigned('c', 'rep-2'),
    ])
      directory.apply(event);
    expect(await directory.openLeadsByRep('north')).toEqual({ 'rep-1': 2, 'rep-2': 1 });
    directory.apply(assigned('b', 'rep-2'));
    directory.apply(recorded('a', 'LeadDisqualified', { reason: 'x', disqualifiedAt: 'x' }));
    expect(await directory.openLeadsByRep('north')).toEqual({ 'rep-2': 2 });
    directory.apply(recorded('a', 'LeadNurtured', { nurturedAt: 'x' }));
    directory.apply(recorded('c', 'LeadQualified', { score: 1, qualifiedAt: 'x' }));
    directory.apply(recorded('c', 'LeadConverted', { opportunityId: 'o', convertedAt: 'x' }));
    expect(await directory.openLeadsByRep('north')).toEqual({ 'rep-1': 1, 'rep-2': 1 });
    expect(await directory.openLeadsByRep('south')).toEqual({});
  });

  it('finds duplicates by key within the division, and follows a revised email', async () => {
    const directory = new InMemoryLeadDirectory(new ServiceViews(new MemoryEventStore()));
    directory.apply(captured('a', 'ada@x.test'));
    expect(await directory.duplicatesOf('north', { email: 'ada@x.test' })).toEqual([
      { leadId: 'a', matchedOn: ['email'] },
    ]);
    expect(await directory.duplicatesOf('south', { email: 'ada@x.test' })).toEqual([]);
    directory.apply(
      recorded('a', 'LeadDetailsRevised', { changes: { contact: { email: 'ada@y.test' } }, revisedAt: 'x' }),
    );
    expect(await directory.duplicatesOf('north', { email: 'ada@x.test' })).toEqual([]);
    expect(await directory.duplicatesOf('north', { email: 'ada@y.test' })).toEqual([
      { leadId: 'a', matchedOn: ['email'] },
    ]);
  });
});
