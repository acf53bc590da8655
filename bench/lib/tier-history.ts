/**
 * Years of tier history for many dealers, decided in memory by the channels service's own deciders: each dealer
 * onboarded (applied, approved, its checklist ticked, activated), then its tier record (an assignment, periodic
 * reviews that a manager confirms or rejects, now and then a correction). Each stream is stored whole in one append,
 * several streams a write, as `npm run seed` stores the demo company; the service's views then fold them as they fold
 * any stored event. The bench keeps each dealer's history to check the answers against.
 */
import type { CommandMetadata } from '@salesos/event-sourcing';
import { StreamsInMemory } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { dealerDecider, onboardingRequirements, tierRecordDecider } from '../../services/channels/src';
import { StoryWriter } from '../../tools/demo/demo-seeder';
import { SeededRandom } from '../../tools/demo/seeded-random';
import { benchChannel, benchDivision, benchProgramme } from './channels-setup';
import type { TierSeedShape } from './channels-config';
import { formatRate, progress, tenthsReporter } from './progress';

type TierCommand = Parameters<typeof tierRecordDecider.decide>[0];
type DealerCommand = Parameters<typeof dealerDecider.decide>[0];
type TierState = ReturnType<typeof tierRecordDecider.initialState>;
type Decision = Omit<TierCommand, 'metadata'>;

/** A dealer's tiers by effective day, corrections applied: what the as-of query must answer from. */
export interface ExpectedHistory {
  dealerId: string;
  days: readonly string[];
  tierIds: readonly string[];
}

export interface SeededTiers {
  histories: ExpectedHistory[];
  events: number;
  /** The first and the last day any history covers. */
  firstDay: string;
  lastDay: string;
  eventsPerSecond: number;
}

/** The seeded dealers' ids start with it; the bench's clients' dealers do not. */
export const seededDealerPrefix = 'tier-dealer-';
const dayMs = 24 * 60 * 60 * 1000;
const manager = { userId: 'bench-manager', roles: ['division-manager'] };
/** Histories end the day before this, so that every run decides the same ones. */
const historyEnd = Date.UTC(2026, 0, 1);

const isoDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

const ladder = benchProgramme.tiers;

/** Figures that qualify for exactly the tier at `tier` of the ladder: within its band, below the next one's. */
function figuresFor(random: SeededRandom, tier: number) {
  const { criteria } = ladder[tier] as (typeof ladder)[number];
  const floor = criteria.minRevenueLast12Months.amount;
  const ceiling = ladder[tier + 1]?.criteria.minRevenueLast12Months.amount ?? Math.max(floor * 2, 1);
  return {
    revenue12m: { amount: Math.round(random.between(floor, ceiling - 1)), currency: 'EUR' },
    certifiedPeople: criteria.minCertifiedPeople + random.integer(0, 2),
    registrationWinRate:
      Math.round(random.between(criteria.minRegistrationWinRate, criteria.minRegistrationWinRate + 0.1) * 100) / 100,
  };
}

/** Most reviews find the dealer where it was; the others one tier up or down. */
function reviewedTier(random: SeededRandom, current: number): number {
  if (random.chance(0.4)) return current;
  if (current === 0) return 1;
  if (current === ladder.length - 1) return current - 1;
  return random.chance(0.5) ? current + 1 : current - 1;
}

const tierIndex = (state: TierState): number => {
  const tierId = state.status === 'recorded' ? state.history.tierIds.at(-1) : undefined;
  return Math.max(
    0,
    ladder.findIndex((tier) => tier.tierId === tierId),
  );
};

const metadataOf = (streamId: string, step: number, at: number): CommandMetadata => ({
  commandId: `bench-seed:${streamId}:${step}`,
  now: new Date(at).toISOString(),
  divisionId: benchDivision,
  actor: manager,
});

/** The dealer itself, as the tier handlers require it: applied, approved, its checklist ticked, activated. */
function decideOnboarding(streams: StreamsInMemory, dealerId: string, joined: number): string {
  const streamId = `dealer-${dealerId}`;
  const application = {
    dealerId,
    divisionId: benchDivision,
    companyName: `Tier Dealer ${dealerId} GmbH`,
    contactEmail: `sales@${dealerId}.example`,
    channelId: benchChannel,
    channelKind: 'dealer',
    territories: ['north'],
    productGroups: ['presses'],
    appliedBy: manager.userId,
  };
  const ticks = onboardingRequirements('dealer').map(({ requirementId }) => ({
    type: 'TickRequirement',
    data: { requirementId, evidence: 'Seen and filed', tickedBy: manager.userId },
  }));
  const commands = [
    { type: 'ApplyAsDealer', data: application },
    { type: 'ApproveApplication', data: {} },
    ...ticks,
    { type: 'ActivateDealer', data: {} },
  ];
  // The weeks before the tier history starts, a day a step.
  commands.forEach((command, step) => {
    const metadata = metadataOf(streamId, step + 1, joined - (commands.length - step) * dayMs);
    streams.decide(dealerDecider, streamId, { ...command, metadata } as DealerCommand);
  });
  return streamId;
}

/** One dealer's tier story: an assignment when it joined, then every review, as a manager would have recorded it. */
function decideTiers(
  streams: StreamsInMemory,
  shape: TierSeedShape,
  random: SeededRandom,
  dealerId: string,
  joined: number,
): string {
  const streamId = `dealertier-${dealerId}`;
  const reviewEveryMs = (365 / shape.reviewsPerYear) * dayMs;
  let step = 0;
  const run = (decision: Decision, at: number): TierState => {
    step += 1;
    const command = { ...decision, metadata: metadataOf(streamId, step, at) } as TierCommand;
    return streams.decide(tierRecordDecider, streamId, command).state;
  };
  const tierId = random.weighted([
    ['bronze', 6],
    ['silver', 3],
    ['gold', 1],
  ] as const);
  const assignment = { programme: benchProgramme, changeId: 'joined', dealerId, divisionId: benchDivision, tierId };
  let state = run(
    { type: 'AssignTier', data: { ...assignment, effectiveFrom: isoDay(joined), assignedBy: manager.userId } },
    joined,
  );
  for (let review = 1, at = joined + reviewEveryMs; at < historyEnd; review += 1, at += reviewEveryMs) {
    const figures = figuresFor(random, reviewedTier(random, tierIndex(state)));
    const reviewId = `review-${review}`;
    state = run({ type: 'ProposeTierChange', data: { programme: benchProgramme, reviewId, figures } }, at);
    const pending = state.status === 'recorded' && state.reviews.at(-1)?.status === 'proposed';
    if (!pending) continue;
    const decidedAt = at + random.integer(2, 20) * dayMs;
    if (random.chance(0.85)) {
      const confirmation = { reviewId, confirmedBy: manager.userId, effectiveFrom: isoDay(decidedAt) };
      state = run({ type: 'ConfirmTierChange', data: confirmation }, decidedAt);
    } else {
      const rejection = { reviewId, rejectedBy: manager.userId, reason: 'Figures not confirmed by finance' };
      state = run({ type: 'RejectTierProposal', data: rejection }, decidedAt);
    }
    if (random.chance(0.03)) state = correctLatest(run, state, review, decidedAt + dayMs);
  }
  return streamId;
}

/** A correction of the latest change, to the tier next to it: a wrong figure found after the fact. */
function correctLatest(
  run: (decision: Decision, at: number) => TierState,
  state: TierState,
  review: number,
  at: number,
): TierState {
  if (state.status !== 'recorded') return state;
  const corrects = state.history.changeIds.at(-1) as string;
  const tierId = state.history.tierIds.at(-1) === 'silver' ? 'bronze' : 'silver';
  const correction = { programme: benchProgramme, correctionId: `correction-${review}`, corrects, tierId };
  const reason = 'Revenue of the review counted a cancelled order';
  return run({ type: 'CorrectTier', data: { ...correction, reason, correctedBy: manager.userId } }, at);
}

/** Decides every dealer's history and stores it; resolves once the store holds every event. */
export async function seedTierHistories(store: EventStore, shape: TierSeedShape): Promise<SeededTiers> {
  const random = new SeededRandom(shape.seed);
  const streams = new StreamsInMemory();
  const writer = new StoryWriter(store, shape.writers);
  const histories: ExpectedHistory[] = [];
  let events = 0;
  const started = performance.now();
  const report = tenthsReporter(shape.dealers, (done) => {
    const seconds = (performance.now() - started) / 1000;
    progress(
      `tier seed: ${done.toLocaleString('en')} of ${shape.dealers.toLocaleString('en')} dealers decided, ` +
        `${writer.stored.toLocaleString('en')} events stored (${formatRate(writer.stored / seconds)} events/s)`,
    );
  });
  const start = historyEnd - shape.years * 365 * dayMs;
  for (let dealer = 0; dealer < shape.dealers; dealer += 1) {
    const dealerId = `${seededDealerPrefix}${dealer}`;
    const joined = start + random.integer(0, 90) * dayMs;
    const dealerStream = decideOnboarding(streams, dealerId, joined);
    const tierStream = decideTiers(streams, shape, random, dealerId, joined);
    const state = streams.state<TierState>(tierStream);
    if (state === undefined || state.status !== 'recorded') throw new Error(`${tierStream} decided nothing`);
    histories.push({ dealerId, days: state.history.days, tierIds: state.history.tierIds });
    for (const append of [streams.release(dealerStream), streams.release(tierStream)]) {
      events += append?.events.length ?? 0;
      writer.write(append);
    }
    await writer.room(shape.writers * 50);
    report(dealer + 1);
  }
  await writer.drain();
  const seconds = (performance.now() - started) / 1000;
  const firstDay = histories.reduce(
    (first, { days }) => ((days[0] ?? first) < first ? (days[0] as string) : first),
    '9999',
  );
  return { histories, events, firstDay, lastDay: isoDay(historyEnd - dayMs), eventsPerSecond: events / seconds };
}
