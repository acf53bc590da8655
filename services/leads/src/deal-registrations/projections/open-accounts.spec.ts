import type { RecordedEvent } from '@salesos/event-store';
import { OpenAccounts } from './open-accounts';

let position = 0n;
function recorded(streamId: string, version: number, type: string, data: object): RecordedEvent {
  position += 1n;
  return {
    type,
    data,
    metadata: {
      eventId: `e${position}`,
      type,
      schemaVersion: 1,
      streamId,
      streamVersion: version,
      globalPosition: position,
      occurredAt: '2026-01-01T00:00:00.000Z',
      recordedAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

const captured = recorded('lead-l1', 1, 'LeadCaptured', {
  leadId: 'l1',
  divisionId: 'north',
  company: { name: 'Acme GmbH' },
});
const disqualified = recorded('lead-l1', 2, 'LeadDisqualified', { leadId: 'l1' });
const opened = recorded('opportunity-o1', 1, 'OpportunityOpened', {
  opportunityId: 'o1',
  divisionId: 'north',
  accountName: 'ACME',
});
const won = recorded('opportunity-o1', 2, 'OpportunityWon', { opportunityId: 'o1' });

describe('OpenAccounts', () => {
  it('finds open leads and opportunities of the division by normalised company name', () => {
    const accounts = new OpenAccounts();
    [captured, opened].forEach((event) => accounts.apply(event));
    expect(accounts.openFor('north', 'acme')).toEqual({ leadIds: ['l1'], opportunityIds: ['o1'] });
    expect(accounts.openFor('south', 'Acme')).toEqual({ leadIds: [], opportunityIds: [] });
  });

  it('forgets closed ones, and is not fooled by an event applied twice or late', () => {
    const accounts = new OpenAccounts();
    [captured, disqualified, captured, opened, won, opened].forEach((event) => accounts.apply(event));
    expect(accounts.openFor('north', 'Acme')).toEqual({ leadIds: [], opportunityIds: [] });
  });
});
