import { Inject, Injectable } from '@nestjs/common';
import { Clock, reaches, type RequestContext, rowScope } from '@salesos/http';
import type { CalendarDay } from '@salesos/kernel';
import { utcDayOf } from '../../core/domain/calendar-days';
import { PeopleDirectory, TeamLeadReach } from '../../people';
import { TrainingError, TrainingErrorCode } from '../domain/training.errors';

export const personNotFound = (personId: string) =>
  new TrainingError(TrainingErrorCode.PersonNotFound, `No person ${personId} in your reach`);

export const unitNotFound = (unitId: string) =>
  new TrainingError(TrainingErrorCode.UnitNotFound, `No unit ${unitId} in your reach`);

/**
 * Who reaches whose training, decided on the day of the request (UTC): the division's people for its division-wide
 * roles; for a team lead, the people of the units they manage that day (the organisation's manager assignments, not
 * their token); for a rep, their own record through their login. The platform's own processes act without a caller.
 */
@Injectable()
export class TrainingReach {
  constructor(
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
    @Inject(TeamLeadReach) private readonly teamLeads: Pick<TeamLeadReach, 'of'>,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  today(): CalendarDay {
    return utcDayOf(this.clock.now().toISOString());
  }

  /** Refuses, as not found, a person the caller's division does not have or the caller does not reach. */
  async requirePerson(personId: string, caller: RequestContext): Promise<void> {
    if (caller.principal === undefined) return;
    const day = this.today();
    const ownership = await this.people.reachOf(caller.divisionId, personId, day);
    const { principal } = await this.teamLeads.of(caller, day);
    if (ownership === undefined || principal === undefined || !reaches(principal, ownership)) {
      throw personNotFound(personId);
    }
  }

  /**
   * The units whose people the caller reaches today: `division` for its division-wide roles, a team lead's managed
   * units (with those below them), none for anyone else.
   */
  async unitsReached(caller: RequestContext): Promise<'division' | readonly string[]> {
    if (caller.principal === undefined) return 'division';
    const { principal } = await this.teamLeads.of(caller, this.today());
    if (principal === undefined) return [];
    const scope = rowScope(principal);
    if (scope.kind === 'division') return 'division';
    return scope.kind === 'team' ? scope.teamIds : [];
  }
}
