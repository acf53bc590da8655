import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { RegistrationCommand } from './registration.commands';
import { registrationDecider } from './registration.decider';
import { RegistrationError, RegistrationErrorCode } from './registration.errors';
import type { RegistrationEvent } from './registration.events';

const submittedAt = '2026-05-01T08:00:00.000Z';
const decidedAt = '2026-05-01T08:00:05.000Z';
const now = '2026-06-10T12:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends RegistrationCommand>(type: C['type'], data: C['data'], meta = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const rule = 'first come: a deal belongs to whoever registered the company first';
const ids = { registrationId: 'reg-1', divisionId: 'north', dealerId: 'dealer-3' };
const details = {
  ...ids,
  companyName: 'Brandt Maschinenbau AG',
  contactEmail: 'einkauf@brandt.example',
  productGroup: 'presses',
  estimatedValue: { amount: 120_000, currency: 'EUR' },
  submittedBy: 'dealer-user-1',
};

const submitted: RegistrationEvent = { type: 'RegistrationSubmitted', data: { ...details, submittedAt } };
const acceptedEvent: RegistrationEvent = {
  type: 'RegistrationAccepted',
  data: { ...ids, rule, leadId: 'lead-7', expiresOn: '2026-11-01', decidedAt, recordedAt: submittedAt },
};
const conflicted: RegistrationEvent = {
  type: 'RegistrationConflicted',
  data: {
    ...ids,
    rule,
    conflictingLeadIds: ['lead-1'],
    conflictingOpportunityIds: ['opp-2'],
    decidedAt,
    recordedAt: submittedAt,
  },
};
const progressed = (at: string, stage = 'proposal'): RegistrationEvent => ({
  type: 'RegistrationProgressed',
  data: { ...ids, opportunityId: 'opp-9', stage, progressedAt: at },
});
const lapsed: RegistrationEvent = {
  type: 'RegistrationLapsed',
  data: {
    ...ids,
    lapseAfterDays: 30,
    lastActivityAt: decidedAt,
    dueAt: '2026-05-31T08:00:05.000Z',
    lapsedAt: '2026-06-01T00:00:00.000Z',
  },
};
const won: RegistrationEvent = { type: 'RegistrationWon', data: { ...ids, opportunityId: 'opp-9', wonAt: now } };
const lost: RegistrationEvent = { type: 'RegistrationLost', data: { ...ids, opportunityId: 'opp-9', lostAt: now } };

const submit = (changes: Partial<typeof details> = {}) =>
  command('SubmitRegistration', { ...details, ...changes }, { commandId: 'c0', now: submittedAt });
const accept = (changes: { opportunityId?: string; decidedAt?: string } = {}) =>
  command(
    'RecordRegistrationAnswer',
    { answer: 'accepted', rule, leadId: 'lead-7', expiresOn: '2026-11-01', decidedAt, ...changes },
    { commandId: 'c2', now: submittedAt },
  );
const conflict = () =>
  command(
    'RecordRegistrationAnswer',
    { answer: 'conflicted', rule, conflictingLeadIds: ['lead-1'], conflictingOpportunityIds: ['opp-2'], decidedAt },
    { commandId: 'c2', now: submittedAt },
  );
const progress = (at: string, opportunityId = 'opp-9') =>
  command('RecordRegistrationProgress', { opportunityId, stage: 'proposal', at });
const lapse = (at: string, lapseAfterDays = 30) => command('LapseRegistration', { at, lapseAfterDays });
const outcome = (result: 'won' | 'lost', opportunityId = 'opp-9') =>
  command('RecordRegistrationOutcome', { outcome: result, opportunityId });

const spec = DeciderSpecification.for(registrationDecider);
const refused = (code: RegistrationErrorCode, message?: RegExp, field?: string) => (error: Error) =>
  error instanceof RegistrationError &&
  error.code === code &&
  (message === undefined || message.test(error.message)) &&
  (field === undefined || error.field === field);

describe('deal registration (channels side)', () => {
  describe('SubmitRegistration', () => {
    it('records what the leads service needs to answer, and who submitted it when', () => {
      spec.given([]).when(submit()).then([submitted]);
    });

    it('does nothing when the same registration is submitted again', () => {
      spec.given([submitted]).when(submit()).thenNothingHappens();
    });

    it('refuses the same id with other details, naming the state', () => {
      spec
        .given([submitted, acceptedEvent])
        .when(submit({ companyName: 'Keller GmbH' }))
        .thenThrows(RegistrationError, refused(RegistrationErrorCode.AlreadyExists, /is accepted/));
    });
  });

  describe('RecordRegistrationAnswer', () => {
    it('records an acceptance with the lead it links and the end of the protection', () => {
      spec.given([submitted]).when(accept()).then([acceptedEvent]);
    });

    it('records a conflict with the rule and the holders that came first', () => {
      spec.given([submitted]).when(conflict()).then([conflicted]);
    });

    it('does nothing for the same answer again, even redecided later or after the deal moved on', () => {
      spec.given([submitted, acceptedEvent]).when(accept()).thenNothingHappens();
      spec
        .given([submitted, acceptedEvent, progressed('2026-05-20T10:00:00.000Z'), lapsed])
        .when(accept({ decidedAt: '2026-05-02T00:00:00.000Z' }))
        .thenNothingHappens();
      spec.given([submitted, conflicted]).when(conflict()).thenNothingHappens();
    });

    it('refuses a different answer once one is recorded, naming the state', () => {
      spec
        .given([submitted, acceptedEvent])
        .when(conflict())
        .thenThrows(RegistrationError, refused(RegistrationErrorCode.AlreadyAnswered, /is accepted/));
      spec
        .given([submitted, conflicted])
        .when(accept())
        .thenThrows(RegistrationError, refused(RegistrationErrorCode.AlreadyAnswered, /is conflicted/));
      spec
        .given([submitted, acceptedEvent])
        .when(accept({ opportunityId: 'opp-4' }))
        .thenThrows(RegistrationError, refused(RegistrationErrorCode.AlreadyAnswered));
    });

    it('refuses an answer to a registration that does not exist, or not in your division', () => {
      spec.given([]).when(accept()).thenThrows(RegistrationError, refused(RegistrationErrorCode.NotFound));
      spec
        .given([submitted])
        .when(
          command(
            'RecordRegistrationAnswer',
            { answer: 'accepted', rule, decidedAt },
            { ...metadata, divisionId: 'south' },
          ),
        )
        .thenThrows(RegistrationError, refused(RegistrationErrorCode.NotFound));
    });
  });

  describe('RecordRegistrationProgress', () => {
    it('records the deal’s move, which ties the registration to the deal', () => {
      spec
        .given([submitted, acceptedEvent])
        .when(progress('2026-05-20T10:00:00.000Z'))
        .then([progressed('2026-05-20T10:00:00.000Z')]);
    });

    it('does nothing for news no later than the last activity', () => {
      const at = '2026-05-20T10:00:00.000Z';
      spec
        .given([submitted, acceptedEvent, progressed(at)])
        .when(progress(at))
        .thenNothingHappens();
      spec
        .given([submitted, acceptedEvent, progressed(at)])
        .when(progress('2026-05-10T10:00:00.000Z'))
        .thenNothingHappens();
    });

    it('refuses unless accepted, naming the state', () => {
      const at = '2026-05-20T10:00:00.000Z';
      for (const [history, state] of [
        [[submitted], 'submitted'],
        [[submitted, conflicted], 'conflicted'],
        [[submitted, acceptedEvent, lapsed], 'lapsed'],
        [[submitted, acceptedEvent, won], 'won'],
      ] as const) {
        spec
          .given(history)
          .when(progress(at))
          .thenThrows(RegistrationError, refused(RegistrationErrorCode.WrongState, new RegExp(`is ${state}`)));
      }
    });

    it('refuses another deal than the one the registration is tied to', () => {
      spec
        .given([submitted, acceptedEvent, progressed('2026-05-20T10:00:00.000Z')])
        .when(progress('2026-05-21T10:00:00.000Z', 'opp-10'))
        .thenThrows(RegistrationError, refused(RegistrationErrorCode.OtherOpportunity, /opp-9/, 'opportunityId'));
    });

    it('refuses progress dated after now', () => {
      spec
        .given([submitted, acceptedEvent])
        .when(progress('2026-06-11T00:00:00.000Z'))
        .thenThrows(RegistrationError, refused(RegistrationErrorCode.InvalidInput, /after now/, 'at'));
    });
  });

  describe('LapseRegistration', () => {
    it('lapses an accepted registration without progress for the given days since acceptance', () => {
      spec.given([submitted, acceptedEvent]).when(lapse('2026-06-01T00:00:00.000Z')).then([lapsed]);
    });

    it('counts from the last progress, and refuses before the due date, naming it', () => {
      const history = [submitted, acceptedEvent, progressed('2026-05-20T10:00:00.000Z')];
      spec
        .given(history)
        .when(lapse('2026-06-01T00:00:00.000Z'))
        .thenThrows(
          RegistrationError,
          refused(RegistrationErrorCode.LapseNotDue, /no earlier than 2026-06-19T10:00:00.000Z/),
        );
      const timerFired = { commandId: 'c3', now: '2026-06-19T10:00:01.000Z' };
      spec
        .given(history)
        .when(command('LapseRegistration', { at: '2026-06-19T10:00:00.000Z', lapseAfterDays: 30 }, timerFired))
        .then([
          {
            type: 'RegistrationLapsed',
            data: {
              ...ids,
              lapseAfterDays: 30,
              lastActivityAt: '2026-05-20T10:00:00.000Z',
              dueAt: '2026-06-19T10:00:00.000Z',
              lapsedAt: '2026-06-19T10:00:00.000Z',
            },
          },
        ]);
    });

    it('does nothing when it has lapsed already: a timer firing twice lapses it once', () => {
      spec.given([submitted, acceptedEvent, lapsed]).when(lapse(now)).thenNothingHappens();
    });

    it('refuses unless accepted, naming the state', () => {
      for (const [history, state] of [
        [[submitted], 'submitted'],
        [[submitted, conflicted], 'conflicted'],
        [[submitted, acceptedEvent, won], 'won'],
        [[submitted, acceptedEvent, lost], 'lost'],
      ] as const) {
        spec
          .given(history)
          .when(lapse(now))
          .thenThrows(RegistrationError, refused(RegistrationErrorCode.WrongState, new RegExp(`is ${state}`)));
      }
    });

    it('refuses a lapse setting that is not a whole number of days, and a lapse dated after now', () => {
      for (const days of [0, -3, 1.5]) {
        spec
          .given([submitted, acceptedEvent])
          .when(lapse(now, days))
          .thenThrows(RegistrationError, refused(RegistrationErrorCode.InvalidInput, undefined, 'lapseAfterDays'));
      }
      spec
        .given([submitted, acceptedEvent])
        .when(lapse('2026-07-01T00:00:00.000Z'))
        .thenThrows(RegistrationError, refused(RegistrationErrorCode.InvalidInput, undefined, 'at'));
    });
  });

  describe('RecordRegistrationOutcome', () => {
    it('records the registered deal won or lost', () => {
      spec
        .given([submitted, acceptedEvent, progressed('2026-05-20T10:00:00.000Z')])
        .when(outcome('won'))
        .then([won]);
      spec.given([submitted, acceptedEvent]).when(outcome('lost')).then([lost]);
    });

    it('takes the close date given, and refuses one after now', () => {
      spec
        .given([submitted, acceptedEvent])
        .when(command('RecordRegistrationOutcome', { outcome: 'won', opportunityId: 'opp-9', at: decidedAt }))
        .then([{ type: 'RegistrationWon', data: { ...ids, opportunityId: 'opp-9', wonAt: decidedAt } }]);
      spec
        .given([submitted, acceptedEvent])
        .when(
          command('RecordRegistrationOutcome', { outcome: 'won', opportunityId: 'opp-9', at: '2027-01-01T00:00:00Z' }),
        )
        .thenThrows(RegistrationError, refused(RegistrationErrorCode.InvalidInput, undefined, 'at'));
    });

    it('does nothing for the same outcome again', () => {
      spec.given([submitted, acceptedEvent, won]).when(outcome('won')).thenNothingHappens();
    });

    it('refuses a final or unaccepted registration, naming the state', () => {
      for (const [history, result, state] of [
        [[submitted, acceptedEvent, won], 'lost', 'won'],
        [[submitted, acceptedEvent, lost], 'won', 'lost'],
        [[submitted, acceptedEvent, lapsed], 'won', 'lapsed'],
        [[submitted], 'won', 'submitted'],
        [[submitted, conflicted], 'lost', 'conflicted'],
      ] as const) {
        spec
          .given(history)
          .when(outcome(result))
          .thenThrows(RegistrationError, refused(RegistrationErrorCode.WrongState, new RegExp(`is ${state}`)));
      }
    });

    it('refuses another deal than the one the acceptance linked', () => {
      spec
        .given([submitted, { ...acceptedEvent, data: { ...acceptedEvent.data, opportunityId: 'opp-9' } }])
        .when(outcome('won', 'opp-3'))
        .thenThrows(RegistrationError, refused(RegistrationErrorCode.OtherOpportunity, undefined, 'opportunityId'));
    });
  });
});
