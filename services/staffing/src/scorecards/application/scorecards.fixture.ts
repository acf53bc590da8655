import { MemoryEventStore } from '@salesos/event-store';
import { Clock, IdGenerator, type RequestContext, type Role } from '@salesos/http';
import { PersonScoresStreams } from './person-scores-streams';
import { ScorecardStreams } from './scorecard-streams';

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-10-05T08:00:00.000Z');
  }
}

class SequenceIds extends IdGenerator {
  private count = 0;
  next(): string {
    this.count += 1;
    return `id-${this.count}`;
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

/** The scorecards feature's streams on one in-memory store, for the handlers' tests. */
export function scorecardStreams() {
  const store = new MemoryEventStore();
  const clock = new FixedClock();
  const ids = new SequenceIds();
  const views = { caughtUpWith: () => Promise.resolve() };
  return {
    store,
    scorecards: new ScorecardStreams(store, clock, ids, views),
    scores: new PersonScoresStreams(store, clock, ids, views),
  };
}
