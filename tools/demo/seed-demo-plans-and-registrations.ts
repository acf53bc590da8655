import type { EventStore } from '@salesos/event-store';
import type { RequestContext } from '@salesos/http';
import type { DataSource } from 'typeorm';
import { channelsViewsCaughtUp, openChannelsDatabase, SetDealerPlanHandler } from '../../services/channels/src';
import { openLeadsDatabase } from '../../services/leads/src';
import { demoDivisions } from './demo-company';
import { type PlannedDealer, seedDealerPlans } from './demo-plans';
import { type DemoRegistration, RegistrationStories } from './demo-registrations';
import type { DemoDealer } from './seed-demo-channels';
import { startSeedingServices } from './seeding-services';
import { BusinessTime, MovableClock, SeededIds, SeededRandom } from './seeded-random';

export interface PlansAndRegistrationsProgress {
  divisionId: string;
  plans: number;
  registrations: number;
}

export interface DemoPlansAndRegistrationsOptions {
  seed: number;
  /** The seeded year's last day; by default the start of today (UTC), as the other seeds. */
  end?: Date;
  /** The dealers `seedDemoChannels` seeded: the ones that sold get a plan, the active ones register deals. */
  dealers: readonly DemoDealer[];
  /**
   * The channels service's database, holding what `seedDemoChannels` seeded: its views hold the plans and
   * registrations too when the seed returns. Without it, an in-memory one whose views catch up from the store first.
   */
  database?: DataSource;
  /**
   * The leads service's database, its views holding the leads seed and the dealers it was told of (as `seedDemoData`
   * leaves it): the leads service answers the registrations from it and checks the deals' dealers on it. Without it,
   * an in-memory one whose views catch up from the store first.
   */
  leadsDatabase?: DataSource;
  /** How long the seed waits for a service's answer over the bus before it fails (default 30 s). */
  answerTimeoutMs?: number;
  onProgress?: (progress: PlansAndRegistrationsProgress) => void;
}

export interface DemoPlansAndRegistrationsResult {
  /** The period of the seeded dealer plans: the year of the end. */
  planPeriod: string;
  plans: number;
  /** Plan revisions after the first, kept in the plans' history. */
  planRevisions: number;
  registrations: DemoRegistration[];
}

/**
 * Seeds, after `seedDemoChannels` and then `seedDemoData` on the same store, each division's dealer plans for the
 * year of `end` (every dealer that sells: the active ones and the suspended one; some revised) and its deal
 * registrations (see RegistrationStories), through the channels service's own commands, answered by the leads service
 * over the seed's bus. The registrations' conflicts, wins and losses come from leads and deals of the leads service's
 * own commands, the dealers' deals attributed to dealers the leads service was told are active. Seeded: the same seed,
 * end and stores before write the same events.
 */
export async function seedDemoPlansAndRegistrations(
  store: EventStore,
  options: DemoPlansAndRegistrationsOptions,
): Promise<DemoPlansAndRegistrationsResult> {
  const random = new SeededRandom(options.seed ^ 0x9a45_2e95);
  const end = (options.end ?? new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`)).getTime();
  const time = new BusinessTime(new MovableClock(new Date(end)), end);
  const services = await startSeedingServices(store, {
    clock: time.clock,
    channels: {
      database: options.database ?? (await openChannelsDatabase({ kind: 'sqlite', filename: ':memory:' })),
      ownsDatabase: options.database === undefined,
      ids: new SeededIds(random),
    },
    leads: {
      database: options.leadsDatabase ?? (await openLeadsDatabase({ kind: 'sqlite', filename: ':memory:' })),
      ownsDatabase: options.leadsDatabase === undefined,
      // Ids of their own: the leads service's commands draw none from the channels' sequence.
      ids: new SeededIds(new SeededRandom(options.seed ^ 0x1ead_5eed)),
    },
    answerTimeoutMs: options.answerTimeoutMs ?? 30_000,
  });
  const result: DemoPlansAndRegistrationsResult = {
    planPeriod: String(new Date(end).getUTCFullYear()),
    plans: 0,
    planRevisions: 0,
    registrations: [],
  };
  try {
    const setPlan = services.channels.get(SetDealerPlanHandler, { strict: false });
    const registrations = new RegistrationStories(services, time, random);
    for (const division of demoDivisions) {
      const manager: RequestContext = {
        divisionId: division.divisionId,
        actor: { userId: `manager-${division.divisionId}`, roles: ['division-manager'] },
      };
      const dealers = options.dealers.filter((dealer) => dealer.divisionId === division.divisionId);
      // This year's plans of the dealers that sell (the one suspended late in the year included).
      const selling = dealers.flatMap(({ dealerId, status, tierId, activatedAt }): PlannedDealer[] =>
        (status === 'active' || status === 'suspended') && tierId !== undefined && activatedAt !== undefined
          ? [{ dealerId, tierId, activatedAt }]
          : [],
      );
      const planned = await seedDealerPlans(setPlan, time, random, division, manager, selling);
      const active = dealers.filter((dealer) => dealer.status === 'active').map((dealer) => dealer.dealerId);
      const registered = await registrations.seedDivision(division, active);
      result.plans += planned.plans;
      result.planRevisions += planned.revisions;
      result.registrations.push(...registered);
      options.onProgress?.({ divisionId: division.divisionId, plans: planned.plans, registrations: registered.length });
    }
    if (!(await channelsViewsCaughtUp(services.channels, 120_000))) {
      throw new Error('the channels views did not catch up');
    }
    return result;
  } finally {
    await services.close();
  }
}
