import { foldEvents } from '@salesos/event-sourcing';
import { lapseDueAt } from './registration-lapse';
import { registrationDecider } from './registration.decider';
import { RegistrationError, RegistrationErrorCode } from './registration.errors';
import type { RegistrationEvent } from './registration.events';

const ids = { registrationId: 'reg-1', divisionId: 'north', dealerId: 'dealer-3' };
const rule = 'first come';
const submitted: RegistrationEvent = {
  type: 'RegistrationSubmitted',
  data: { ...ids, companyName: 'Acme', submittedBy: 'u-1', submittedAt: '2026-05-01T08:00:00.000Z' },
};
const accepted: RegistrationEvent = {
  type: 'RegistrationAccepted',
  data: { ...ids, rule, decidedAt: '2026-05-01T08:00:05.000Z', recordedAt: '2026-05-01T08:00:06.000Z' },
};
const progressed: RegistrationEvent = {
  type: 'RegistrationProgressed',
  data: { ...ids, opportunityId: 'opp-9', stage: 'proposal', progressedAt: '2026-05-20T10:00:00+02:00' },
};
const stateAfter = (events: RegistrationEvent[]) => foldEvents(registrationDecider, events);

describe('lapseDueAt', () => {
  it('falls due the given days after the acceptance', () => {
    expect(lapseDueAt(stateAfter([submitted, accepted]), 30)).toBe('2026-05-31T08:00:05.000Z');
  });

  it('moves with each progress', () => {
    expect(lapseDueAt(stateAfter([submitted, accepted, progressed]), 14)).toBe('2026-06-03T08:00:00.000Z');
  });

  it('is undefined when nothing can lapse: not yet answered, in conflict, or closed', () => {
    const conflicted: RegistrationEvent = {
      type: 'RegistrationConflicted',
      data: {
        ...ids,
        rule,
        conflictingLeadIds: ['lead-1'],
        conflictingOpportunityIds: [],
        decidedAt: '2026-05-01T08:00:05.000Z',
        recordedAt: '2026-05-01T08:00:06.000Z',
      },
    };
    const won: RegistrationEvent = {
      type: 'RegistrationWon',
      data: { ...ids, opportunityId: 'opp-9', wonAt: '2026-06-01T00:00:00.000Z' },
    };
    expect(lapseDueAt(stateAfter([]), 30)).toBeUndefined();
    expect(lapseDueAt(stateAfter([submitted]), 30)).toBeUndefined();
    expect(lapseDueAt(stateAfter([submitted, conflicted]), 30)).toBeUndefined();
    expect(lapseDueAt(stateAfter([submitted, accepted, won]), 30)).toBeUndefined();
  });

  it('refuses a setting that is not a whole number of days', () => {
    let thrown: unknown;
    try {
      lapseDueAt(stateAfter([submitted, accepted]), 0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RegistrationError);
    expect(thrown).toMatchObject({ code: RegistrationErrorCode.InvalidInput, field: 'lapseAfterDays' });
  });
});
