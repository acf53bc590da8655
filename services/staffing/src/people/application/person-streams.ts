import { Inject, Injectable, Optional } from '@nestjs/common';
import type { CommandResult } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator, type RecordOwnership, type RequestContext } from '@salesos/http';
import type { CalendarDay } from '@salesos/kernel';
import type { ServiceViews } from '@salesos/projections';
import { dayOf } from '../../core/domain/calendar-days';
import { EVENT_STORE, STAFFING_VIEWS } from '../../core/staffing-service.tokens';
import { latestMembership, membershipAt } from '../domain/membership';
import type { PersonCommand } from '../domain/person.commands';
import { personDecider } from '../domain/person.decider';
import { PersonError, PersonErrorCode } from '../domain/person.errors';
import type { PersonEvent } from '../domain/person.events';
import type { Person, PersonState } from '../domain/person.state';
import { TeamLeadReach } from './team-lead-reach';

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
 * Each person is one stream, `person-<personId>`, acted on for callers within their reach on the day of the request:
 * a team lead reaches the people of the units they manage that day (without the organisation's answer, as their
 * token names their teams). The service provides it with its event store, clock, ids and views.
 */
@Injectable()
export class PersonStreams extends CallerCommands<PersonState, PersonCommand, PersonEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(Clock) private readonly time: Clock,
    @Inject(IdGenerator) ids: IdGenerator,
    @Optional() @Inject(STAFFING_VIEWS) views?: Pick<ServiceViews, 'caughtUpWith'>,
    @Optional() @Inject(TeamLeadReach) private readonly teamLeads?: TeamLeadReach,
  ) {
    super(store, personDecider, {
      category: 'person',
      clock: time,
      ids,
      access: {
        ownership: (state) =>
          state.status === 'none' ? undefined : personOwnership(state, dayOf(time.now().toISOString())),
        refuse: personNotFound,
      },
      ...(views === undefined ? {} : { afterAppend: (recorded) => views.caughtUpWith(recorded) }),
    });
  }

  /** Today, in UTC: the day reach is decided on. */
  today(): CalendarDay {
    return dayOf(this.time.now().toISOString());
  }

  /** The caller as reach checks see them today. */
  async reachOf(caller: RequestContext): Promise<RequestContext> {
    return this.teamLeads === undefined ? caller : this.teamLeads.of(caller, this.today());
  }

  /** Whether the person is there for the caller to read: in the caller's division and reach today. */
  async inReach(caller: RequestContext, state: PersonState): Promise<boolean> {
    return this.shows(await this.reachOf(caller), state);
  }

  override async run(
    id: string,
    context: RequestContext,
    expectedVersion: number | undefined,
    command: Omit<PersonCommand, 'metadata'>,
    creates = false,
  ): Promise<CommandResult<PersonState, PersonEvent>> {
    return super.run(id, await this.reachOf(context), expectedVersion, command, creates);
  }
}
