import type { EventStore } from '@salesos/event-store';
import { type PendingAppend, StreamsInMemory } from '@salesos/event-sourcing';
import type { IdGenerator, RequestContext } from '@salesos/http';
import {
  type AssignmentRule,
  chooseAssignee,
  type DealerNews,
  defaultLossReasons,
  defaultPipelines,
  DefineSegmentHandler,
  duplicateKeys,
  findDuplicates,
  LeadError,
  leadDecider,
  type LeadState,
  OpportunityError,
  opportunityDecider,
  RecordDivisionHandler,
  type SegmentDefinition,
  segmentsMatching,
  SetAssignmentRulesHandler,
} from '../../services/leads/src';
import {
  companyName,
  type DemoDivision,
  demoDivisions,
  demoRoster,
  leadSources,
  lossReasons,
  teamsOf,
} from './demo-company';
import type { MovableClock, SeededRandom } from './seeded-random';

const dayMs = 24 * 60 * 60 * 1000;

/** The leads service's command handlers that set each division up, as its admin and manager would. */
export interface SeedingServices {
  recordDivision: RecordDivisionHandler;
  defineSegment: DefineSegmentHandler;
  setAssignmentRules: SetAssignmentRulesHandler;
}

export function seedingServices(get: <T>(type: abstract new (...args: never[]) => T) => T): SeedingServices {
  return {
    recordDivision: get(RecordDivisionHandler),
    defineSegment: get(DefineSegmentHandler),
    setAssignmentRules: get(SetAssignmentRulesHandler),
  };
}

export interface SeedPlan {
  /** How far back the year of activity starts. */
  months: number;
  /** New leads per division per month. */
  leadsPerMonth: number;
  /** Stop once this many events are decided (the big seeds); otherwise the months decide. */
  maxEvents?: number;
  end: Date;
}

export interface SeedProgress {
  /** Events decided. */
  events: number;
  /** Events stored so far; equal to `events` once the seed returns. */
  stored: number;
  leads: number;
  opportunities: number;
  businessDay: string;
}

/** One lead's story: its stream, its deal's once it is opened, and the actions still scheduled for it. */
interface Story {
  leadStream?: string;
  opportunityStream?: string;
  scheduled: number;
}

interface Action {
  at: number;
  order: number;
  story: Story;
  run: () => void;
}

/** Actions by business time: a binary heap, since a year of a company is tens of thousands of them. */
class Timeline {
  private readonly heap: Action[] = [];
  private order = 0;

  add(at: number, story: Story, run: () => void): void {
    story.scheduled += 1;
    this.heap.push({ at, order: (this.order += 1), story, run });
    let index = this.heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(index, parent)) break;
      this.swap(index, parent);
      index = parent;
    }
  }

  take(): Action | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top === undefined || last === undefined || this.heap.length === 0) return top;
    this.heap[0] = last;
    let index = 0;
    for (;;) {
      const [left, right] = [index * 2 + 1, index * 2 + 2];
      let smallest = index;
      if (left < this.heap.length && this.before(left, smallest)) smallest = left;
      if (right < this.heap.length && this.before(right, smallest)) smallest = right;
      if (smallest === index) return top;
      this.swap(index, smallest);
      index = smallest;
    }
  }

  private before(a: number, b: number): boolean {
    const [x, y] = [this.heap[a] as Action, this.heap[b] as Action];
    return x.at < y.at || (x.at === y.at && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b] as Action, this.heap[a] as Action];
  }
}

/** Events per write when the store takes several streams in one (`appendStreams`). */
const eventsPerWrite = 500;

/**
 * Appends finished streams, several writes in flight: each stream's whole story in one append that expects the
 * stream not to exist, and where the store takes several streams in one write, a few hundred events of many streams
 * at once. A failed write fails the seed.
 */
export class StoryWriter {
  stored = 0;
  private readonly queue: PendingAppend[] = [];
  private queuedEvents = 0;
  private draining = false;
  private active = 0;
  private failure: Error | undefined;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly store: EventStore,
    private readonly concurrency: number,
  ) {}

  write(append: PendingAppend | undefined): void {
    if (append === undefined || append.events.length === 0) return;
    this.queue.push(append);
    this.queuedEvents += append.events.length;
    this.pump();
  }

  /** Waits while more than `max` streams wait their turn, so the story never runs far ahead of the store. */
  async room(max: number): Promise<void> {
    while (this.queue.length > max && this.failure === undefined) await this.next();
    this.throwIfFailed();
  }

  async drain(): Promise<void> {
    this.draining = true;
    this.pump();
    while ((this.active > 0 || this.queue.length > 0) && this.failure === undefined) await this.next();
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private take(): PendingAppend[] {
    if (this.store.appendStreams === undefined) return [this.queue.shift() as PendingAppend];
    const batch: PendingAppend[] = [this.queue.shift() as PendingAppend];
    let events = (batch[0] as PendingAppend).events.length;
    while (this.queue.length > 0 && events + (this.queue[0] as PendingAppend).events.length <= eventsPerWrite) {
      const append = this.queue.shift() as PendingAppend;
      events += append.events.length;
      batch.push(append);
    }
    return batch;
  }

  /** Sends what is queued; with several streams to a write, a write waits to be full while others are in flight. */
  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0 && this.failure === undefined) {
      const waitToFill = this.store.appendStreams !== undefined && this.active > 0 && !this.draining;
      if (waitToFill && this.queuedEvents < eventsPerWrite) return;
      this.send(this.take());
    }
  }

  private send(batch: PendingAppend[]): void {
    const events = batch.reduce((sum, append) => sum + append.events.length, 0);
    this.queuedEvents -= events;
    this.active += 1;
    const written =
      batch.length === 1 || this.store.appendStreams === undefined
        ? Promise.all(batch.map((append) => this.store.append(append.streamId, append.events, append.expected)))
        : this.store.appendStreams(batch);
    written.then(
      () => {
        this.stored += events;
        this.settle();
      },
      (error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
        this.settle();
      },
    );
  }

  private settle(): void {
    this.active -= 1;
    if (this.failure === undefined) this.pump();
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

type LeadCommand = Parameters<typeof leadDecider.decide>[0];
type OpportunityCommand = Parameters<typeof opportunityDecider.decide>[0];
type Distribute<C> = C extends { metadata: unknown } ? Omit<C, 'metadata'> : never;

const openStatuses = new Set(['new', 'nurturing', 'qualified']);

/**
 * What the service's views tell a command about its division (the segments that match, the duplicates, the load of
 * each rep and the round-robin turns), kept in memory as the decided events change it, as the views would be.
 */
class DivisionInMemory {
  readonly segments: SegmentDefinition[] = [];
  rules: AssignmentRule[] = [];
  readonly openLeadsByRep: Record<string, number> = {};
  readonly turns: Record<string, number> = {};
  private readonly leadsByKey = new Map<string, string[]>();
  private readonly keysByLead = new Map<string, ReturnType<typeof duplicateKeys>>();

  constructor(readonly roster: { repIds: string[] }) {}

  duplicatesOf(keys: ReturnType<typeof duplicateKeys>): ReturnType<typeof findDuplicates> {
    const candidates = new Set<string>();
    for (const kind of ['email', 'phone', 'company'] as const) {
      const key = keys[kind];
      if (key !== undefined) for (const leadId of this.leadsByKey.get(`${kind}:${key}`) ?? []) candidates.add(leadId);
    }
    return findDuplicates(
      keys,
      [...candidates].map((leadId) => ({ leadId, keys: this.keysByLead.get(leadId) ?? {} })),
    );
  }

  /** A lead's decision changed it from `before` to `after` with `events`: what the views would record of it. */
  changed(before: LeadState, after: LeadState, events: ReadonlyArray<{ type: string; data: unknown }>): void {
    this.load(before, -1);
    this.load(after, 1);
    if (after.status === 'none') return;
    for (const event of events) {
      if (event.type === 'LeadAssigned') {
        const { ruleId } = (event.data as { rule: { ruleId?: string } }).rule;
        if (ruleId !== undefined) this.turns[ruleId] = (this.turns[ruleId] ?? 0) + 1;
      }
      if (event.type === 'LeadCaptured') {
        const keys = duplicateKeys({ email: after.email, phone: after.phone, companyName: after.companyName });
        this.keysByLead.set(after.leadId, keys);
        for (const kind of ['email', 'phone', 'company'] as const) {
          const key = keys[kind];
          if (key === undefined) continue;
          const lookup = `${kind}:${key}`;
          this.leadsByKey.set(lookup, [...(this.leadsByKey.get(lookup) ?? []), after.leadId]);
        }
      }
    }
  }

  private load(state: LeadState, change: number): void {
    if (state.status === 'none' || state.ownerRepId === undefined || !openStatuses.has(state.status)) return;
    const count = (this.openLeadsByRep[state.ownerRepId] ?? 0) + change;
    if (count === 0) delete this.openLeadsByRep[state.ownerRepId];
    else this.openLeadsByRep[state.ownerRepId] = count;
  }
}

interface DealerChange {
  at: number;
  standing: DealerNews['standing'];
  channelId?: string;
}

/**
 * The dealers the leads service heard of from the channels service, by division, as each stood from one change to
 * the next: a deal goes only to a dealer active in its division on the day it is opened, as the service checks.
 */
export class DealerStandings {
  private readonly byDivision = new Map<string, Map<string, DealerChange[]>>();
  /** The events the leads service recorded of them. */
  readonly recorded: number;

  constructor(news: readonly DealerNews[]) {
    this.recorded = news.length;
    for (const { divisionId, dealerId, standing, since, channelId } of news) {
      const dealers = this.byDivision.get(divisionId) ?? new Map<string, DealerChange[]>();
      this.byDivision.set(divisionId, dealers);
      const change = { at: Date.parse(since), standing, ...(channelId === undefined ? {} : { channelId }) };
      dealers.set(dealerId, [...(dealers.get(dealerId) ?? []), change]);
    }
  }

  /** The division's dealers active at `at`, in the order the channels service told of them, with their channel. */
  activeAt(divisionId: string, at: number): Array<{ dealerId: string; channelId?: string }> {
    const active: Array<{ dealerId: string; channelId?: string }> = [];
    for (const [dealerId, changes] of this.byDivision.get(divisionId) ?? []) {
      const current = changes.filter((change) => change.at <= at).pop();
      if (current?.standing !== 'active') continue;
      active.push({ dealerId, ...(current.channelId === undefined ? {} : { channelId: current.channelId }) });
    }
    return active;
  }
}

/** A refusal of the domain rules is part of the story, not a failure. */
function refused(error: unknown): boolean {
  return error instanceof LeadError || error instanceof OpportunityError;
}

export interface DemoSeederOptions {
  /** Appends in flight at once. */
  concurrency?: number;
  /** The dealers deals may go to; without them every deal is direct. */
  dealers?: DealerStandings;
}

/**
 * Writes a company's sales year in business-time order: segments and assignment rules per division through the
 * leads service's own commands, then leads that are qualified or not, converted, moved through their pipeline
 * (sometimes back), re-forecast, won or lost. Each lead's and deal's story is decided in memory by the service's
 * deciders, command by command, on what the views would tell the service at that moment (segments, duplicates, the
 * reps' load, round-robin turns), with the commands' ids and business time drawn as the handlers draw them; when a
 * story has nothing left to happen, each of its streams is stored in one append, several streams at once. Seeded:
 * the same seed writes the same events.
 */
export class DemoSeeder {
  private readonly timeline = new Timeline();
  private readonly progress: SeedProgress = { events: 0, stored: 0, leads: 0, opportunities: 0, businessDay: '' };
  private readonly streams = new StreamsInMemory();
  private readonly divisions = new Map<string, DivisionInMemory>();
  private readonly writer: StoryWriter;
  private readonly dealers: DealerStandings;
  private companies = 0;

  constructor(
    private readonly services: SeedingServices,
    store: EventStore,
    private readonly clock: MovableClock,
    private readonly random: SeededRandom,
    private readonly ids: IdGenerator,
    options: DemoSeederOptions = {},
  ) {
    this.writer = new StoryWriter(store, options.concurrency ?? 8);
    this.dealers = options.dealers ?? new DealerStandings([]);
  }

  /** `afterSetUp` runs once every division is set up, before the stories are written. */
  async seed(
    plan: SeedPlan,
    afterSetUp: () => Promise<void>,
    onProgress: (progress: SeedProgress) => void = () => undefined,
  ): Promise<SeedProgress> {
    const start = plan.end.getTime() - plan.months * 30 * dayMs;
    const end = plan.end.getTime();
    this.count(this.dealers.recorded);
    for (const division of demoDivisions) {
      this.clock.current = new Date(start - dayMs);
      await this.setUp(division);
      this.scheduleLeads(division, start, end, plan);
    }
    await afterSetUp();
    this.progress.stored = this.progress.events;
    const storedBySetUp = this.progress.events;
    let reported = 0;
    for (let action = this.timeline.take(); action !== undefined; action = this.timeline.take()) {
      if (plan.maxEvents !== undefined && this.progress.events >= plan.maxEvents) break;
      action.story.scheduled -= 1;
      if (action.at <= end) {
        this.clock.current = new Date(action.at);
        action.run();
      }
      if (action.story.scheduled === 0) this.finish(action.story);
      if (this.progress.events - reported >= 2_000) {
        reported = this.progress.events;
        // Deciding never waits for the store on its own: let the writes' answers in, so the next writes go out.
        await new Promise((resolve) => setImmediate(resolve));
        await this.writer.room(4_000);
        this.progress.stored = storedBySetUp + this.writer.stored;
        this.progress.businessDay = this.clock.current.toISOString().slice(0, 10);
        onProgress({ ...this.progress });
      }
    }
    // Stopped at the asked size, or the year is over: whatever is still told is stored as it stands.
    for (const streamId of this.streams.streamIds()) this.writer.write(this.streams.release(streamId));
    await this.writer.drain();
    this.progress.stored = storedBySetUp + this.writer.stored;
    this.progress.businessDay = new Date(end).toISOString().slice(0, 10);
    onProgress({ ...this.progress });
    return { ...this.progress };
  }

  private finish(story: Story): void {
    if (story.leadStream !== undefined) this.writer.write(this.streams.release(story.leadStream));
    if (story.opportunityStream !== undefined) this.writer.write(this.streams.release(story.opportunityStream));
  }

  private manager(division: DemoDivision): RequestContext {
    return {
      divisionId: division.divisionId,
      actor: { userId: `manager-${division.divisionId}`, roles: ['division-manager'] },
    };
  }

  private async setUp(division: DemoDivision): Promise<void> {
    // A key of its own, so recording the division draws no id from the seeded sequence the story is made of.
    const roster = demoRoster(division);
    await this.services.recordDivision.execute(division.divisionId, roster, {
      divisionId: division.divisionId,
      actor: { userId: 'admin-1', roles: ['admin'] },
      idempotencyKey: `demo-division-${division.divisionId}`,
    });
    this.count(1);
    const world = new DivisionInMemory(roster);
    this.divisions.set(division.divisionId, world);
    const context = this.manager(division);
    const define = async (name: string, criteria: SegmentDefinition['criteria']): Promise<string> => {
      const defined = await this.services.defineSegment.execute(name, criteria, context);
      const segmentId = defined.streamId.slice('segment-'.length);
      world.segments.push({ segmentId, criteria });
      return segmentId;
    };
    const strategicId = await define('Strategic accounts', { sizeBands: ['enterprise'] });
    await define('Mid-market', { sizeBands: ['mid', 'large'] });
    await define('High value', { priceBand: { currency: division.currency, min: 100_000 } });
    await define('Automation needs', { needTags: ['automation'] });
    this.count(4);
    const teams = teamsOf(division);
    const rules: AssignmentRule[] = [
      ...division.territories.map((territory) => ({
        kind: 'territory-segment' as const,
        ruleId: `kam-${territory}`,
        territory,
        segmentId: strategicId,
        repId: teams.find((team) => team.territory === territory)?.repIds[0] ?? `rep-${division.divisionId}-01`,
      })),
      {
        kind: 'least-loaded' as const,
        ruleId: 'field-sales',
        teamId: `${division.divisionId}-field`,
        repIds: teams.flatMap((team) => team.repIds),
      },
    ];
    await this.services.setAssignmentRules.execute(rules, context);
    world.rules = rules;
    this.count(1);
  }

  private scheduleLeads(division: DemoDivision, start: number, end: number, plan: SeedPlan): void {
    const gap = dayMs / (plan.leadsPerMonth / 30);
    // Evenly spread on average, with the gaps of real traffic.
    for (let at = start + this.random.between(0.2, 1.8) * gap; at <= end; at += this.random.between(0.2, 1.8) * gap) {
      const story: Story = { scheduled: 0 };
      this.timeline.add(at, story, () => this.capture(division, story));
    }
  }

  private count(events: number): void {
    this.progress.events += events;
  }

  private later(minDays: number, maxDays: number): number {
    return this.clock.current.getTime() + this.random.between(minDays, maxDays) * dayMs;
  }

  private world(division: DemoDivision): DivisionInMemory {
    return this.divisions.get(division.divisionId) as DivisionInMemory;
  }

  /** The command's metadata, drawn as the service's handlers draw it for a caller without an Idempotency-Key. */
  private metadata(context: RequestContext): LeadCommand['metadata'] {
    return {
      commandId: this.ids.next(),
      now: this.clock.now().toISOString(),
      divisionId: context.divisionId,
      actor: context.actor,
    };
  }

  private decideLead(
    leadId: string,
    context: RequestContext,
    command: Distribute<LeadCommand>,
    world: DivisionInMemory,
  ) {
    const streamId = `lead-${leadId}`;
    const full = { ...command, metadata: this.metadata(context) };
    const before = this.streams.state<LeadState>(streamId) ?? leadDecider.initialState();
    const decided = this.streams.decide(leadDecider, streamId, full);
    world.changed(before, decided.state, decided.events);
    this.count(decided.events.length);
    return decided;
  }

  private decideOpportunity(
    opportunityId: string,
    context: RequestContext,
    command: Distribute<OpportunityCommand>,
    metadata = this.metadata(context),
  ) {
    const decided = this.streams.decide(opportunityDecider, `opportunity-${opportunityId}`, {
      ...command,
      metadata,
    });
    this.count(decided.events.length);
    return decided;
  }

  /** Runs one command of a story; a refusal of the domain rules leaves the story as it was. */
  private act(command: () => unknown): void {
    try {
      command();
    } catch (error) {
      if (!refused(error)) throw error;
    }
  }

  private capture(division: DemoDivision, story: Story): void {
    const world = this.world(division);
    const group = this.random.pick(division.productGroups);
    const product = this.random.pick(group.products);
    const territory = this.random.pick(division.territories);
    const company = companyName((this.companies += 1));
    const sizeBand = this.random.weighted([
      ['small', 3],
      ['mid', 4],
      ['large', 2],
      ['enterprise', 1],
    ] as const);
    const value = Math.round(this.random.between(product.price[0], product.price[1]) / 100) * 100;
    const context: RequestContext = {
      divisionId: division.divisionId,
      actor: { userId: `marketing-${division.divisionId}`, roles: ['rep'] },
    };
    const firstName = this.random.pick([
      'Ada',
      'Ben',
      'Chiara',
      'Dmitri',
      'Elif',
      'Farid',
      'Grete',
      'Hiro',
      'Ines',
      'Jonas',
    ]);
    const input = {
      source: this.random.weighted(leadSources),
      contact: {
        name: `${firstName} ${company.split(' ')[0] ?? ''}`,
        email: `${firstName.toLowerCase()}.${this.companies}@example.com`,
      },
      company: { name: company, industry: this.random.pick(group.industries), sizeBand },
      territory,
      estimatedValue: { amount: value, currency: division.currency },
      needTags: this.random.chance(0.4) ? ['automation'] : this.random.chance(0.5) ? ['service', 'financing'] : [],
      force: false,
    };
    // As the capture handler decides: segments, duplicates and routing from the division as it stands, then one
    // decision that captures, scores and assigns.
    const leadId = this.ids.next();
    const segmentIds = segmentsMatching(
      {
        industry: input.company.industry,
        sizeBand: input.company.sizeBand,
        estimatedValue: input.estimatedValue,
        territory: input.territory,
        needTags: input.needTags,
      },
      world.segments,
    );
    const duplicates = world.duplicatesOf(
      duplicateKeys({ email: input.contact.email, companyName: input.company.name }),
    );
    const routing =
      world.rules.length === 0
        ? undefined
        : chooseAssignee(world.rules, {
            territory,
            segmentIds,
            openLeadsByRep: world.openLeadsByRep,
            roundRobinTurns: world.turns,
          });
    story.leadStream = `lead-${leadId}`;
    let captured;
    try {
      captured = this.decideLead(
        leadId,
        context,
        {
          type: 'CaptureLead',
          data: {
            ...input,
            leadId,
            divisionId: division.divisionId,
            segmentIds,
            duplicates,
            ...(routing ? { routing } : {}),
          },
        },
        world,
      );
    } catch (error) {
      if (refused(error)) return;
      throw error;
    }
    this.progress.leads += 1;
    const assigned = captured.events.find((event) => event.type === 'LeadAssigned');
    const owner = (assigned?.data as { repId?: string } | undefined)?.repId ?? `rep-${division.divisionId}-01`;
    const roll = this.random.next();
    if (roll < 0.55) {
      this.timeline.add(this.later(1, 10), story, () =>
        this.qualify(division, story, { leadId, owner, account: company, groupId: group.groupId, product, value }),
      );
    } else if (roll < 0.8) {
      this.timeline.add(this.later(1, 6), story, () =>
        this.act(() =>
          this.decideLead(
            leadId,
            this.as(division, owner),
            {
              type: 'DisqualifyLead',
              data: { reason: this.random.pick(['no budget', 'student', 'competitor', 'no need']) },
            },
            world,
          ),
        ),
      );
    } else {
      this.timeline.add(this.later(2, 20), story, () =>
        this.act(() =>
          this.decideLead(
            leadId,
            this.as(division, owner),
            { type: 'NurtureLead', data: { note: 'not ready this quarter' } },
            world,
          ),
        ),
      );
    }
  }

  private as(division: DemoDivision, repId: string): RequestContext {
    return { divisionId: division.divisionId, actor: { userId: repId, roles: ['rep'] } };
  }

  private qualify(
    division: DemoDivision,
    story: Story,
    deal: {
      leadId: string;
      owner: string;
      account: string;
      groupId: string;
      product: { productId: string };
      value: number;
    },
  ): void {
    const { leadId, owner, groupId, product, value } = deal;
    const world = this.world(division);
    this.act(() => this.decideLead(leadId, this.as(division, owner), { type: 'QualifyLead', data: {} }, world));
    if (!this.random.chance(0.7)) return;
    this.timeline.add(this.later(1, 7), story, () => {
      // A dealer's deal goes to one of the dealers active in the division that day, with the channel it sells
      // through; while none is, the deal is the division's own.
      const active = this.dealers.activeAt(division.divisionId, this.clock.current.getTime());
      const dealerSourced = groupId !== 'maintenance' && this.random.chance(0.15) && active.length > 0;
      const pipelineId = groupId === 'maintenance' ? 'upsell' : dealerSourced ? 'dealer-sourced' : 'new-business';
      const dealer = dealerSourced ? active[this.random.integer(1, active.length) - 1] : undefined;
      const channel = dealer === undefined ? { kind: 'direct' as const } : { kind: 'dealer' as const, ...dealer };
      const context = this.as(division, owner);
      const expectedCloseDate = new Date(this.later(30, 120)).toISOString().slice(0, 10);
      const quantity = this.random.integer(1, 4);
      // As the handler converting a lead decides: the deal's id, the opening checked on its own, the conversion,
      // then the opening with the lead's rep and team.
      const opportunityId = this.ids.next();
      const pipeline = defaultPipelines.find((candidate) => candidate.pipelineId === pipelineId);
      if (pipeline === undefined) throw new Error(`no pipeline ${pipelineId}`);
      if (!world.roster.repIds.includes(owner)) throw new Error(`${owner} is not a rep of ${division.divisionId}`);
      const open = {
        type: 'OpenOpportunity' as const,
        data: {
          accountName: deal.account,
          amount: { amount: value, currency: division.currency },
          expectedCloseDate,
          products: [{ productId: product.productId, quantity }],
          channel,
          ownerRepId: owner as string | undefined,
          opportunityId,
          divisionId: division.divisionId,
          leadId,
          pipeline,
        },
      };
      let lead: LeadState;
      try {
        opportunityDecider.decide({ ...open, metadata: this.metadata(context) }, opportunityDecider.initialState());
        lead = this.decideLead(leadId, context, { type: 'ConvertLead', data: { opportunityId } }, world).state;
      } catch (error) {
        if (refused(error)) return;
        throw error;
      }
      const ownerRepId = open.data.ownerRepId ?? (lead.status === 'none' ? undefined : lead.ownerRepId);
      const data = {
        ...open.data,
        ...(ownerRepId === undefined ? {} : { ownerRepId }),
        ...(lead.status === 'none' || lead.teamId === undefined ? {} : { teamId: lead.teamId }),
      };
      story.opportunityStream = `opportunity-${opportunityId}`;
      try {
        this.decideOpportunity(opportunityId, context, { ...open, data });
      } catch (error) {
        if (refused(error)) return;
        throw error;
      }
      this.progress.opportunities += 1;
      this.timeline.add(this.later(3, 20), story, () =>
        this.advance(division, story, opportunityId, owner, pipelineId, 0, value),
      );
    });
  }

  /** One step of a deal: forward (sometimes back), a new forecast now and then, and in the end won or lost. */
  private advance(
    division: DemoDivision,
    story: Story,
    opportunityId: string,
    owner: string,
    pipelineId: string,
    stageIndex: number,
    value: number,
  ): void {
    const context = this.as(division, owner);
    const stages =
      (defaultPipelines.find((pipeline) => pipeline.pipelineId === pipelineId) ?? defaultPipelines[0])?.stages ?? [];
    const decide = (command: Distribute<OpportunityCommand>): void =>
      this.act(() => this.decideOpportunity(opportunityId, context, command));
    const next = (days: [number, number], index: number) =>
      this.timeline.add(this.later(days[0], days[1]), story, () =>
        this.advance(division, story, opportunityId, owner, pipelineId, index, value),
      );
    if (this.random.chance(0.2)) {
      const revised = Math.round((value * this.random.between(0.8, 1.25)) / 100) * 100;
      decide({
        type: 'ReviseForecast',
        data: {
          amount: { amount: revised, currency: division.currency },
          effectiveAt: new Date(this.later(-5, 0)).toISOString(),
        },
      });
    }
    const closeOdds = (stageIndex + 1) / stages.length;
    if (this.random.chance(0.18 + 0.1 * stageIndex)) {
      const lose = this.random.chance(0.75 - 0.5 * closeOdds);
      decide(
        lose
          ? {
              type: 'LoseOpportunity',
              data: { reason: this.random.pick(lossReasons), allowedReasons: defaultLossReasons },
            }
          : { type: 'WinOpportunity', data: {} },
      );
      return;
    }
    if (stageIndex > 0 && this.random.chance(0.1)) {
      const back = stages[stageIndex - 1];
      if (back) decide({ type: 'MoveOpportunityStage', data: { pipelines: defaultPipelines, stageId: back.stageId } });
      next([4, 18], stageIndex - 1);
      return;
    }
    const forward = stages[stageIndex + 1];
    if (forward === undefined) {
      decide({ type: 'WinOpportunity', data: {} });
      return;
    }
    decide({ type: 'MoveOpportunityStage', data: { pipelines: defaultPipelines, stageId: forward.stageId } });
    next([5, 25], stageIndex + 1);
  }
}
