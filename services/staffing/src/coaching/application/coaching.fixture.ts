import { MemoryEventStore } from '@salesos/event-store';
import { Clock, IdGenerator, type RequestContext, type Role } from '@salesos/http';
import { CoachingRecordStreams } from './coaching-record-streams';
import { type DealOwner, DealOwners } from './deal-owners.port';
import { ReviewStreams } from './review-streams';
import { RubricStreams } from './rubric-streams';

class FixedClock extends Clock {
  constructor(public at = new Date('2026-06-30T15:00:00.000Z')) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

class SequenceIds extends IdGenerator {
  private count = 0;
  next(): string {
    this.count += 1;
    return `id-${this.count}`;
  }
}

/** The owners of the leads service's deals, as a test sets them. */
export class KnownDealOwners extends DealOwners {
  readonly owners = new Map<string, DealOwner>();
  ownerOf(_divisionId: string, opportunityId: string): Promise<DealOwner | undefined> {
    return Promise.resolve(this.owners.get(opportunityId));
  }
}

/** A caller of division `north` (unless named), in one role, optionally sending an Idempotency-Key. */
export function callerAs(
  role: Role,
  userId: string,
  changes: { idempotencyKey?: string; divisionId?: string } = {},
): RequestContext {
  const divisionId = changes.divisionId ?? 'north';
  return {
    divisionId,
    actor: { userId, roles: [role] },
    principal: { userId, roles: [role], divisions: [divisionId], teams: [] },
    ...(changes.idempotencyKey === undefined ? {} : { idempotencyKey: changes.idempotencyKey }),
  };
}

/** The coaching feature's streams on one in-memory store, for the handlers' tests. */
export function coachingStreams() {
  const store = new MemoryEventStore();
  const clock = new FixedClock();
  const ids = new SequenceIds();
  const views = { caughtUpWith: () => Promise.resolve() };
  return {
    store,
    clock,
    reviews: new ReviewStreams(store, clock, ids, views),
    rubrics: new RubricStreams(store, clock, ids, views),
    records: new CoachingRecordStreams(store, clock, ids, views),
    owners: new KnownDealOwners(),
  };
}
