import { MemoryEventStore } from '@salesos/event-store';
import { Clock, IdGenerator, type RecordOwnership, type RequestContext, type Role } from '@salesos/http';
import { PeopleDirectory, type PersonPlacement, type UnitMember } from '../../people';
import type { CourseDefinition } from '../domain/course.events';
import { CourseStreams } from './course-streams';
import { DefineCourseHandler } from './define-course.handler';
import { DefineProgrammeHandler } from './define-programme.handler';
import { EnrolPersonHandler } from './enrol-person.handler';
import { ExpireCertificationHandler } from './expire-certification.handler';
import { ProgrammeStreams } from './programme-streams';
import { RecordAssessmentHandler } from './record-assessment.handler';
import { RetireCourseHandler } from './retire-course.handler';
import { RetireProgrammeHandler } from './retire-programme.handler';
import { ReviseCourseHandler } from './revise-course.handler';
import { ReviseProgrammeHandler } from './revise-programme.handler';
import { TrainingReach } from './training-reach';
import { TrainingStreams } from './training-streams';
import { WithdrawEnrolmentHandler } from './withdraw-enrolment.handler';

/** A clock the specs set and move. */
export class MovableClock extends Clock {
  constructor(public at: Date) {
    super();
  }

  now(): Date {
    return this.at;
  }
}

/** Ids in the order they are asked for, so the specs can name them. */
export class CountingIds extends IdGenerator {
  private count = 0;

  next(): string {
    this.count += 1;
    return `id-${this.count}`;
  }
}

/** A caller of one division in one role, optionally sending an Idempotency-Key. */
export function caller(
  role: Role,
  options: { divisionId?: string; userId?: string; key?: string; fingerprint?: string } = {},
): RequestContext {
  const { divisionId = 'north', userId = `${role}-1`, key, fingerprint } = options;
  return {
    divisionId,
    actor: { userId, roles: [role] },
    principal: { userId, roles: [role], divisions: [divisionId], teams: role === 'team-lead' ? ['team-a'] : [] },
    ...(key === undefined ? {} : { idempotencyKey: key }),
    ...(key === undefined || fingerprint === undefined ? {} : { idempotentRequest: { key, fingerprint } }),
  };
}

export const manager = caller('division-manager');

export const negotiation: CourseDefinition = {
  title: 'Negotiation basics',
  skills: ['discovery', 'objection handling'],
  passMark: 70,
  certificationValidityMonths: 12,
};

/** The handlers' specs read the streams, not the views: nothing to wait for after a write. */
const noViews = { caughtUpWith: () => Promise.resolve() };

/**
 * The north division's people as the people feature would answer for them: everyone named `p-<n>` works in team-a as
 * account executive under the login `user-p-<n>`; nobody else is a person of any division.
 */
export class NorthPeople extends PeopleDirectory {
  private placement(divisionId: string, personId: string): Required<PersonPlacement> | undefined {
    if (divisionId !== 'north' || !/^p-\d+$/.test(personId)) return undefined;
    return { unitId: 'team-a', positionId: 'account-executive', userId: `user-${personId}` };
  }

  placementOn(divisionId: string, personId: string): Promise<PersonPlacement | undefined> {
    return Promise.resolve(this.placement(divisionId, personId));
  }

  personForUser(divisionId: string, userId: string): Promise<{ personId: string } | undefined> {
    const personId = userId.replace(/^user-/, '');
    return Promise.resolve(this.placement(divisionId, personId) === undefined ? undefined : { personId });
  }

  membersOf(): Promise<UnitMember[]> {
    return Promise.resolve([]);
  }

  reachOf(divisionId: string, personId: string): Promise<RecordOwnership | undefined> {
    const placement = this.placement(divisionId, personId);
    return Promise.resolve(
      placement === undefined ? undefined : { divisionId, ownerRepId: placement.userId, teamId: placement.unitId },
    );
  }
}

/** Team leads reach the teams their token names, as the organisation would say they manage them. */
const tokenTeams = { of: (caller: RequestContext) => Promise.resolve(caller) };

/** The training feature's handlers over one in-memory store, as the service's module wires them. */
export function trainingFeature(at = '2026-03-10T12:00:00.000Z') {
  const store = new MemoryEventStore();
  const clock = new MovableClock(new Date(at));
  const ids = new CountingIds();
  const courses = new CourseStreams(store, clock, ids, noViews);
  const programmes = new ProgrammeStreams(store, clock, ids, noViews);
  const trainings = new TrainingStreams(
    store,
    clock,
    ids,
    noViews,
    new TrainingReach(new NorthPeople(), tokenTeams, clock),
  );
  const expireCertification = new ExpireCertificationHandler(trainings);
  return {
    store,
    clock,
    courses,
    programmes,
    trainings,
    defineCourse: new DefineCourseHandler(courses),
    reviseCourse: new ReviseCourseHandler(courses),
    retireCourse: new RetireCourseHandler(courses),
    defineProgramme: new DefineProgrammeHandler(programmes, courses),
    reviseProgramme: new ReviseProgrammeHandler(programmes, courses),
    retireProgramme: new RetireProgrammeHandler(programmes),
    enrolPerson: new EnrolPersonHandler(trainings, courses, programmes),
    recordAssessment: new RecordAssessmentHandler(trainings, courses),
    expireCertification,
    withdrawEnrolment: new WithdrawEnrolmentHandler(trainings),
    /** The types of a stream's events, in order. */
    typesIn: async (streamId: string) => (await store.readStream(streamId)).map((event) => event.type),
  };
}
