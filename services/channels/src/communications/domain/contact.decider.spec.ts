import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { CompleteFollowUp, LogContact } from './contact.commands';
import { contactDecider } from './contact.decider';
import { type ContactEvent, contactEvents } from './contact.events';
import { CommunicationError, CommunicationErrorCode } from './communication.errors';

const now = '2026-03-10T12:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const ids = { contactId: 'ct-1', dealerId: 'd-1', divisionId: 'north' };
const spec = DeciderSpecification.for(contactDecider);

const entry: LogContact['data'] = {
  ...ids,
  kind: 'visit',
  happenedAt: '2026-03-09',
  summary: 'Walked the showroom with the owner',
  outcome: 'Wants a demo press for the spring fair',
  followUpDue: '2026-03-20',
  loggedBy: 'mgr-1',
};
const log = (changes: Partial<LogContact['data']> = {}, meta: CommandMetadata = metadata): LogContact => ({
  type: 'LogContact',
  data: { ...entry, ...changes },
  metadata: meta,
});
const complete = (completedAt = '2026-03-10T09:00:00.000Z', note = 'Demo press booked'): CompleteFollowUp => ({
  type: 'CompleteFollowUp',
  data: { completedAt, note },
  metadata,
});
const logged = (changes: Partial<LogContact['data']> = {}): ContactEvent => ({
  type: 'ContactLogged',
  data: { ...entry, ...changes, loggedAt: now },
});
const { followUpDue: _due, ...withoutFollowUp } = entry;
const loggedWithoutFollowUp: ContactEvent = { type: 'ContactLogged', data: { ...withoutFollowUp, loggedAt: now } };
const completed: ContactEvent = {
  type: 'FollowUpCompleted',
  data: { ...ids, followUpDue: '2026-03-20', completedAt: '2026-03-10T09:00:00.000Z', note: 'Demo press booked' },
};
const field = (name: string) => (error: Error) =>
  (error as CommunicationError).code === CommunicationErrorCode.InvalidInput &&
  (error as CommunicationError).field === name;
const code = (value: CommunicationErrorCode) => ({ code: value });

describe('contact decider', () => {
  it('decides only events its schemas accept', () => {
    for (const event of [logged(), loggedWithoutFollowUp, completed, logged({ happenedAt: now })]) {
      expect(() => contactEvents.check(event)).not.toThrow();
    }
  });

  describe('LogContact', () => {
    it('logs a contact with its outcome and follow-up', () => {
      spec.given([]).when(log()).then([logged()]);
    });

    it('logs a contact that calls for no follow-up', () => {
      spec
        .given([])
        .when(log({ followUpDue: undefined }))
        .then([loggedWithoutFollowUp]);
      spec
        .given([])
        .when({ ...log(), data: withoutFollowUp })
        .then([loggedWithoutFollowUp]);
    });

    it.each(['meeting', 'call', 'visit', 'training', 'email'] as const)('logs a %s', (kind) => {
      spec
        .given([])
        .when(log({ kind }))
        .then([logged({ kind })]);
    });

    it('logs a call at an instant up to now, with a follow-up due the same day', () => {
      spec
        .given([])
        .when(log({ kind: 'call', happenedAt: now, followUpDue: '2026-03-10' }))
        .then([logged({ kind: 'call', happenedAt: now, followUpDue: '2026-03-10' })]);
    });

    it("accepts a day that has begun somewhere on earth, though not at the server's clock", () => {
      spec
        .given([])
        .when(log({ happenedAt: '2026-03-11' }))
        .then([logged({ happenedAt: '2026-03-11' })]);
    });

    it.each([
      ['an instant after now', '2026-03-10T12:00:01.000Z'],
      ['a day no place on earth has reached', '2026-03-12'],
    ])('refuses a contact at %s, naming happenedAt', (_label, happenedAt) => {
      spec.given([]).when(log({ happenedAt })).thenThrows(CommunicationError, field('happenedAt'));
    });

    it.each([
      ['a day', '2026-03-09', '2026-03-08'],
      ['the day of an instant, as written with its offset', '2026-03-10T00:30:00+02:00', '2026-03-09'],
    ])('refuses a follow-up due before the contact on %s, naming followUpDue', (_label, happenedAt, followUpDue) => {
      spec.given([]).when(log({ happenedAt, followUpDue })).thenThrows(CommunicationError, field('followUpDue'));
    });

    it('refuses a contact id that is logged already', () => {
      spec.given([logged()]).when(log()).thenThrows(CommunicationError, code(CommunicationErrorCode.AlreadyExists));
    });
  });

  describe('CompleteFollowUp', () => {
    it('completes the follow-up with its note', () => {
      spec.given([logged()]).when(complete()).then([completed]);
    });

    it('accepts completion on the day of the contact, and at now', () => {
      spec
        .given([logged()])
        .when(complete('2026-03-09T00:00:00.000Z'))
        .then([{ ...completed, data: { ...completed.data, completedAt: '2026-03-09T00:00:00.000Z' } }]);
      spec
        .given([logged()])
        .when(complete(now))
        .then([{ ...completed, data: { ...completed.data, completedAt: now } }]);
    });

    it('changes nothing when completed again the same way', () => {
      spec.given([logged(), completed]).when(complete()).thenNothingHappens();
    });

    it('refuses completing again differently, naming the state', () => {
      for (const again of [complete('2026-03-10T10:00:00.000Z'), complete(undefined, 'Other note')]) {
        spec
          .given([logged(), completed])
          .when(again)
          .thenThrows(
            CommunicationError,
            (error) =>
              (error as CommunicationError).code === CommunicationErrorCode.FollowUpCompleted &&
              error.message.includes('is completed already'),
          );
      }
    });

    it('refuses a contact that has no follow-up', () => {
      spec
        .given([loggedWithoutFollowUp])
        .when(complete())
        .thenThrows(CommunicationError, code(CommunicationErrorCode.NoFollowUp));
    });

    it('refuses a completion after now, naming completedAt', () => {
      spec
        .given([logged()])
        .when(complete('2026-03-10T12:00:01.000Z'))
        .thenThrows(CommunicationError, field('completedAt'));
    });

    it.each([
      ['a day', '2026-03-09', '2026-03-08T23:59:59.000Z'],
      ['an instant', '2026-03-09T15:00:00.000Z', '2026-03-09T14:59:59.000Z'],
    ])('refuses a completion before a contact on %s, naming completedAt', (_label, happenedAt, completedAt) => {
      spec
        .given([logged({ happenedAt })])
        .when(complete(completedAt))
        .thenThrows(CommunicationError, field('completedAt'));
    });

    it("refuses a contact that does not exist, or another division's", () => {
      spec.given([]).when(complete()).thenThrows(CommunicationError, code(CommunicationErrorCode.NotFound));
      spec
        .given([logged()])
        .when({ ...complete(), metadata: { ...metadata, divisionId: 'south' } })
        .thenThrows(CommunicationError, code(CommunicationErrorCode.NotFound));
    });
  });
});
