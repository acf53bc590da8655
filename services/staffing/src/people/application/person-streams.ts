import type { CalendarDay } from '@salesos/kernel';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, type Clock, type IdGenerator, type RecordOwnership } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { dayOf } from '../../core/domain/calendar-days';
import { latestMembership, membershipAt } from '../domain/membership';
import type { PersonCommand } from '../domain/person.commands';
import { personDecider } from '../domain/person.decider';
import { PersonError, PersonErrorCode } from '../domain/person.errors';
import type { PersonEvent } from '../domain/person.events';
import type { Person, PersonState } from '../domain/person.state';

/**
 * The unit whose lead looks after a person on a day: the one they work in then; before their first day the one they
 * join, after their departure the one they left.
 */
export function unitInCharge(person: Person, day: CalendarDay): string {
  const current = membershipAt(person, day);
  if (current !== undefined) return current.unitId;
  const first = person.memberships[0];
  return day < person.hiredOn && first !== undefined ? first.unitId : latestMembership(person).unitId;
}

/**
 * Whose a person's record is: their division's, their unit lead's on the day, and their own (a rep reaches their own
 * record through their login).
 */
export function personOwnership(person: Person, day: CalendarDay): RecordOwnership {
  return { divisionId: person.divisionId, ownerRepId: person.userId ?? null, teamId: unitInCharge(person, day) };
}

export const personNotFound = (personId: string) =>
  new PersonError(PersonErrorCode.NotFound, `No person ${personId} in your reach`);

/**
 * Each person is one stream, `person-<personId>`, acted on for callers within their reach on the day of the request.
 * The service provides it with its event store, clock, ids and views.
 */
export class PersonStreams extends CallerCommands<PersonState, PersonCommand, PersonEvent> {
  constructor(store: EventStore, clock: Clock, ids: IdGenerator, views?: Pick<ServiceViews, 'caughtUpWith'>) {
    super(store, personDecider, {
      category: 'person',
      clock,
      ids,
      access: {
        ownership: (state) =>
          state.status === 'none' ? undefined : personOwnership(state, dayOf(clock.now().toISOString())),
        refuse: personNotFound,
      },
      ...(views === undefined ? {} : { afterAppend: (recorded) => views.caughtUpWith(recorded) }),
    });
  }
}
