import type { RequestContext } from '@salesos/http';
import {
  CaptureLeadHandler,
  defaultPipelines,
  DefineSegmentHandler,
  DisqualifyLeadHandler,
  LeadError,
  LoseOpportunityHandler,
  MoveOpportunityStageHandler,
  NurtureLeadHandler,
  OpenOpportunityFromLeadHandler,
  OpportunityError,
  QualifyLeadHandler,
  RecordDivisionHandler,
  ReviseForecastHandler,
  SetAssignmentRulesHandler,
  WinOpportunityHandler,
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

/** The leads service's command handlers the seeder drives, as a user of the API would. */
export interface SeedingServices {
  recordDivision: RecordDivisionHandler;
  defineSegment: DefineSegmentHandler;
  setAssignmentRules: SetAssignmentRulesHandler;
  captureLead: CaptureLeadHandler;
  qualifyLead: QualifyLeadHandler;
  disqualifyLead: DisqualifyLeadHandler;
  nurtureLead: NurtureLeadHandler;
  openFromLead: OpenOpportunityFromLeadHandler;
  moveStage: MoveOpportunityStageHandler;
  reviseForecast: ReviseForecastHandler;
  win: WinOpportunityHandler;
  lose: LoseOpportunityHandler;
}

export function seedingServices(get: <T>(type: abstract new (...args: never[]) => T) => T): SeedingServices {
  return {
    recordDivision: get(RecordDivisionHandler),
    defineSegment: get(DefineSegmentHandler),
    setAssignmentRules: get(SetAssignmentRulesHandler),
    captureLead: get(CaptureLeadHandler),
    qualifyLead: get(QualifyLeadHandler),
    disqualifyLead: get(DisqualifyLeadHandler),
    nurtureLead: get(NurtureLeadHandler),
    openFromLead: get(OpenOpportunityFromLeadHandler),
    moveStage: get(MoveOpportunityStageHandler),
    reviseForecast: get(ReviseForecastHandler),
    win: get(WinOpportunityHandler),
    lose: get(LoseOpportunityHandler),
  };
}

export interface SeedPlan {
  /** How far back the year of activity starts. */
  months: number;
  /** New leads per division per month. */
  leadsPerMonth: number;
  /** Stop once this many events are stored (the big seeds); otherwise the months decide. */
  maxEvents?: number;
  end: Date;
}

export interface SeedProgress {
  events: number;
  leads: number;
  opportunities: number;
  businessDay: string;
}

interface Action {
  at: number;
  order: number;
  run: () => Promise<void>;
}

/** Actions by business time: a binary heap, since a year of a company is tens of thousands of them. */
class Timeline {
  private readonly heap: Action[] = [];
  private order = 0;

  add(at: number, run: () => Promise<void>): void {
    this.heap.push({ at, order: (this.order += 1), run });
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

/**
 * Writes a company's sales year through the leads service's own commands, in business-time order: segments and
 * assignment rules per division, then leads that are qualified or not, converted, moved through their pipeline
 * (sometimes back), re-forecast, won or lost. Seeded: the same seed writes the same events.
 */
export class DemoSeeder {
  private readonly timeline = new Timeline();
  private readonly progress: SeedProgress = { events: 0, leads: 0, opportunities: 0, businessDay: '' };
  private companies = 0;

  constructor(
    private readonly services: SeedingServices,
    private readonly clock: MovableClock,
    private readonly random: SeededRandom,
  ) {}

  async seed(plan: SeedPlan, onProgress: (progress: SeedProgress) => void = () => undefined): Promise<SeedProgress> {
    const start = plan.end.getTime() - plan.months * 30 * dayMs;
    const end = plan.end.getTime();
    for (const division of demoDivisions) {
      this.clock.current = new Date(start - dayMs);
      await this.setUp(division);
      this.scheduleLeads(division, start, end, plan);
    }
    let reported = 0;
    for (let action = this.timeline.take(); action !== undefined; action = this.timeline.take()) {
      if (action.at > end) continue;
      if (plan.maxEvents !== undefined && this.progress.events >= plan.maxEvents) break;
      this.clock.current = new Date(action.at);
      await action.run();
      if (this.progress.events - reported >= 2_000) {
        reported = this.progress.events;
        this.progress.businessDay = this.clock.current.toISOString().slice(0, 10);
        onProgress({ ...this.progress });
      }
    }
    this.progress.businessDay = new Date(end).toISOString().slice(0, 10);
    onProgress({ ...this.progress });
    return { ...this.progress };
  }

  private manager(division: DemoDivision): RequestContext {
    return {
      divisionId: division.divisionId,
      actor: { userId: `manager-${division.divisionId}`, roles: ['division-manager'] },
    };
  }

  private async setUp(division: DemoDivision): Promise<void> {
    // A key of its own, so recording the division draws no id from the seeded sequence the story is made of.
    await this.services.recordDivision.execute(division.divisionId, demoRoster(division), {
      divisionId: division.divisionId,
      actor: { userId: 'admin-1', roles: ['admin'] },
      idempotencyKey: `demo-division-${division.divisionId}`,
    });
    this.count(1);
    const context = this.manager(division);
    const strategic = await this.services.defineSegment.execute(
      'Strategic accounts',
      { sizeBands: ['enterprise'] },
      context,
    );
    await this.services.defineSegment.execute('Mid-market', { sizeBands: ['mid', 'large'] }, context);
    await this.services.defineSegment.execute(
      'High value',
      { priceBand: { currency: division.currency, min: 100_000 } },
      context,
    );
    await this.services.defineSegment.execute('Automation needs', { needTags: ['automation'] }, context);
    this.count(4);
    const teams = teamsOf(division);
    const strategicId = strategic.streamId.slice('segment-'.length);
    const rules = [
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
    this.count(1);
  }

  private scheduleLeads(division: DemoDivision, start: number, end: number, plan: SeedPlan): void {
    const gap = dayMs / (plan.leadsPerMonth / 30);
    // Evenly spread on average, with the gaps of real traffic.
    for (let at = start + this.random.between(0.2, 1.8) * gap; at <= end; at += this.random.between(0.2, 1.8) * gap) {
      this.timeline.add(at, () => this.capture(division));
    }
  }

  private count(events: number): void {
    this.progress.events += events;
  }

  private later(minDays: number, maxDays: number): number {
    return this.clock.current.getTime() + this.random.between(minDays, maxDays) * dayMs;
  }

  private async capture(division: DemoDivision): Promise<void> {
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
    let captured;
    try {
      captured = await this.services.captureLead.execute(
        {
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
        },
        context,
      );
    } catch (error) {
      if (error instanceof LeadError) return;
      throw error;
    }
    this.progress.leads += 1;
    this.count(captured.result.events.length);
    const { leadId } = captured;
    const owner = captured.routing?.repId ?? `rep-${division.divisionId}-01`;
    const roll = this.random.next();
    if (roll < 0.55) {
      this.timeline.add(this.later(1, 10), () =>
        this.qualify(division, { leadId, owner, account: company, groupId: group.groupId, product, value }),
      );
    } else if (roll < 0.8) {
      this.timeline.add(this.later(1, 6), () =>
        this.act(() =>
          this.services.disqualifyLead.execute(
            leadId,
            this.random.pick(['no budget', 'student', 'competitor', 'no need']),
            this.as(division, owner),
          ),
        ),
      );
    } else {
      this.timeline.add(this.later(2, 20), () =>
        this.act(() =>
          this.services.nurtureLead.execute(leadId, { note: 'not ready this quarter' }, this.as(division, owner)),
        ),
      );
    }
  }

  private as(division: DemoDivision, repId: string): RequestContext {
    return { divisionId: division.divisionId, actor: { userId: repId, roles: ['rep'] } };
  }

  /** Runs one command, counting what it stored; a refusal of the domain rules is part of the story, not a failure. */
  private async act(command: () => Promise<{ events: readonly unknown[] }>): Promise<void> {
    try {
      this.count((await command()).events.length);
    } catch (error) {
      if (!(error instanceof LeadError) && !(error instanceof OpportunityError)) throw error;
    }
  }

  private async qualify(
    division: DemoDivision,
    deal: {
      leadId: string;
      owner: string;
      account: string;
      groupId: string;
      product: { productId: string };
      value: number;
    },
  ): Promise<void> {
    const { leadId, owner, groupId, product, value } = deal;
    await this.act(() => this.services.qualifyLead.execute(leadId, undefined, this.as(division, owner)));
    if (!this.random.chance(0.7)) return;
    this.timeline.add(this.later(1, 7), async () => {
      const pipelineId =
        groupId === 'maintenance' ? 'upsell' : this.random.chance(0.15) ? 'dealer-sourced' : 'new-business';
      const channel =
        pipelineId === 'dealer-sourced'
          ? { kind: 'dealer' as const, dealerId: `dealer-${this.random.integer(1, 12)}` }
          : { kind: 'direct' as const };
      let opened;
      try {
        opened = await this.services.openFromLead.execute(
          leadId,
          {
            accountName: deal.account,
            pipelineId,
            amount: { amount: value, currency: division.currency },
            expectedCloseDate: new Date(this.later(30, 120)).toISOString().slice(0, 10),
            products: [{ productId: product.productId, quantity: this.random.integer(1, 4) }],
            channel,
            ownerRepId: owner,
          },
          this.as(division, owner),
        );
      } catch (error) {
        if (error instanceof LeadError || error instanceof OpportunityError) return;
        throw error;
      }
      this.progress.opportunities += 1;
      this.count(opened.events.length + 1);
      const opportunityId = opened.streamId.slice('opportunity-'.length);
      this.timeline.add(this.later(3, 20), () => this.advance(division, opportunityId, owner, pipelineId, 0, value));
    });
  }

  /** One step of a deal: forward (sometimes back), a new forecast now and then, and in the end won or lost. */
  private async advance(
    division: DemoDivision,
    opportunityId: string,
    owner: string,
    pipelineId: string,
    stageIndex: number,
    value: number,
  ): Promise<void> {
    const context = this.as(division, owner);
    const stages =
      (defaultPipelines.find((pipeline) => pipeline.pipelineId === pipelineId) ?? defaultPipelines[0])?.stages ?? [];
    const next = (days: [number, number], index: number) =>
      this.timeline.add(this.later(days[0], days[1]), () =>
        this.advance(division, opportunityId, owner, pipelineId, index, value),
      );
    if (this.random.chance(0.2)) {
      const revised = Math.round((value * this.random.between(0.8, 1.25)) / 100) * 100;
      await this.act(() =>
        this.services.reviseForecast.execute(
          opportunityId,
          {
            amount: { amount: revised, currency: division.currency },
            effectiveAt: new Date(this.later(-5, 0)).toISOString(),
          },
          context,
        ),
      );
    }
    const closeOdds = (stageIndex + 1) / stages.length;
    if (this.random.chance(0.18 + 0.1 * stageIndex)) {
      const lose = this.random.chance(0.75 - 0.5 * closeOdds);
      await this.act(() =>
        lose
          ? this.services.lose.execute(opportunityId, this.random.pick(lossReasons), context)
          : this.services.win.execute(opportunityId, undefined, context),
      );
      return;
    }
    if (stageIndex > 0 && this.random.chance(0.1)) {
      const back = stages[stageIndex - 1];
      if (back) await this.act(() => this.services.moveStage.execute(opportunityId, back.stageId, context));
      next([4, 18], stageIndex - 1);
      return;
    }
    const forward = stages[stageIndex + 1];
    if (forward === undefined) {
      await this.act(() => this.services.win.execute(opportunityId, undefined, context));
      return;
    }
    await this.act(() => this.services.moveStage.execute(opportunityId, forward.stageId, context));
    next([5, 25], stageIndex + 1);
  }
}
