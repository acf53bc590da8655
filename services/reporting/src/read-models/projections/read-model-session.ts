import {
  DealerActivatedV1,
  DealerPlanSetV1,
  DealerReinstatedV1,
  DealerSuspendedV1,
  DealerTerminatedV1,
  type IntegrationEvent,
} from '@salesos/contracts';
import { type EntityManager, In } from 'typeorm';
import type { DealerColumns, DealerPlanColumns, DealerTierColumns } from './channel-rows.entity';
import type { DealRegistrationColumns } from './deal-registration-row.entity';
import type { LeadColumns } from './lead-row.entity';
import type { OpportunityHistoryColumns } from './opportunity-history-row.entity';
import type { OpportunityColumns } from './opportunity-row.entity';
import type { StageTransitionColumns } from './stage-transition-row.entity';
import type { ReadModelTables } from './read-model-tables';
import { writeRows } from '@salesos/projections';

/** Ids looked up per statement. */
const idsPerStatement = 1000;
/**
 * Rows written per statement: each binds one value per column, and a statement stays below SQLite's 32,766 values
 * (PostgreSQL allows 65,535) for tables of up to 32 columns; the widest has 24 now.
 */
const rowsPerStatement = Math.floor(30_000 / 32);

function chunks<T>(items: readonly T[], size = idsPerStatement): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * A lead's events and its deals' events arrive on two topics, whose batches commit concurrently on PostgreSQL: each
 * reads the other's rows (a deal takes its lead's source, a lead's assignment sets its deals' team) and writes them
 * back whole. So a batch first locks every lead it touches, its deals' leads included, in one order (no deadlock),
 * and reads the rows only then. A deal's lead never changes, so it can be looked up before the lock.
 */
async function lockLeads(
  tx: EntityManager,
  tables: ReadModelTables,
  leadIds: readonly string[],
  opportunityIds: readonly string[],
): Promise<void> {
  if (tx.connection.options.type !== 'postgres') return;
  const leads = new Set(leadIds);
  for (const ids of chunks(opportunityIds)) {
    const rows = await tx.find(tables.opportunity, { select: { leadId: true }, where: { opportunityId: In(ids) } });
    for (const row of rows) if (row.leadId !== null) leads.add(row.leadId);
  }
  const sorted = [...leads].sort();
  for (const ids of chunks(sorted)) {
    await tx.query(
      `SELECT pg_advisory_xact_lock(${leadLockSpace}, hashtext(id))
       FROM unnest($1::text[]) WITH ORDINALITY AS listed(id, position) ORDER BY position`,
      [ids],
    );
  }
}

/** The channels' events about a dealer, keyed by it (their subject is the dealer id). */
const dealerEventTypes = new Set([
  DealerActivatedV1.type,
  DealerSuspendedV1.type,
  DealerReinstatedV1.type,
  DealerTerminatedV1.type,
]);

const planKey = (dealerId: string, period: string): string => `${dealerId}\u0000${period}`;

/** The lock space of the per-lead locks, apart from any other advisory lock of the read models. */
const leadLockSpace = 7301;

/**
 * The rows a batch of events touches, read in a few statements before the batch and written back in a few after it:
 * projections apply events to memory, so a batch costs round trips per batch, not per event.
 */
export class ReadModelSession {
  private readonly opportunities = new Map<string, OpportunityColumns>();
  private readonly leads = new Map<string, LeadColumns>();
  /** Opportunity ids by lead id: a lead's deals are found without looking at every deal. */
  private readonly dealsOfLead = new Map<string, Set<string>>();
  private readonly historyIds = new Set<string>();
  private readonly changedOpportunities = new Set<string>();
  private readonly changedLeads = new Set<string>();
  private readonly history: OpportunityHistoryColumns[] = [];
  private readonly transitions: StageTransitionColumns[] = [];
  private readonly dealers = new Map<string, DealerColumns>();
  private readonly changedDealers = new Set<string>();
  /** Tier changes by change id: a change published twice is written once. */
  private readonly tierChanges = new Map<string, DealerTierColumns>();
  private readonly plans = new Map<string, DealerPlanColumns>();
  private readonly changedPlans = new Set<string>();
  private readonly registrations = new Map<string, DealRegistrationColumns>();
  private readonly changedRegistrations = new Set<string>();

  private constructor(private readonly tables: ReadModelTables) {}

  /**
   * A session over tables it filled itself from empty, as a rebuild does: every row is in memory already, so it
   * reads nothing before a batch and is kept from one batch to the next.
   */
  static overEmptyTables(tables: ReadModelTables): ReadModelSession {
    return new ReadModelSession(tables);
  }

  /** Reads every row the events can touch: their opportunities, their leads and those leads' deals, and history. */
  static async open(
    tx: EntityManager,
    tables: ReadModelTables,
    events: readonly IntegrationEvent[],
  ): Promise<ReadModelSession> {
    const session = new ReadModelSession(tables);
    const field = (name: string) => [
      ...new Set(
        events
          .map((event) => (event.data as Record<string, unknown>)[name])
          .filter((value): value is string => typeof value === 'string'),
      ),
    ];
    const opportunityIds = field('opportunityId');
    const leadIds = field('leadId');
    await lockLeads(tx, tables, leadIds, opportunityIds);
    for (const ids of chunks(opportunityIds)) {
      for (const row of await tx.findBy(tables.opportunity, { opportunityId: In(ids) })) session.remember(row);
    }
    for (const ids of chunks(leadIds)) {
      for (const row of await tx.findBy(tables.opportunity, { leadId: In(ids) })) session.remember(row);
      for (const row of await tx.findBy(tables.lead, { leadId: In(ids) })) session.leads.set(row.leadId, row);
    }
    // The channels' events name their dealer: its row, and its plans when a plan is set.
    const dealerIds = [
      ...new Set(events.filter((event) => dealerEventTypes.has(event.type)).map((event) => event.subject)),
    ];
    for (const ids of chunks(dealerIds)) {
      for (const row of await tx.findBy(tables.dealer, { dealerId: In(ids) })) session.dealers.set(row.dealerId, row);
    }
    const planDealerIds = [
      ...new Set(events.filter((event) => event.type === DealerPlanSetV1.type).map((event) => event.subject)),
    ];
    for (const ids of chunks(planDealerIds)) {
      for (const row of await tx.findBy(tables.dealerPlan, { dealerId: In(ids) })) {
        session.plans.set(planKey(row.dealerId, row.period), row);
      }
    }
    // The channels' deal registrations, by the id each of their events names.
    for (const ids of chunks(field('registrationId'))) {
      const rows = await tx.findBy(tables.registration, { registrationId: In(ids) });
      for (const row of rows) session.registrations.set(row.registrationId, row);
    }
    for (const ids of chunks(events.map((event) => event.id))) {
      const rows = await tx.find(tables.history, { select: { eventId: true }, where: { eventId: In(ids) } });
      for (const row of rows) session.historyIds.add(row.eventId);
    }
    return session;
  }

  opportunity(opportunityId: string): OpportunityColumns | undefined {
    return this.opportunities.get(opportunityId);
  }

  opportunitiesOfLead(leadId: string): OpportunityColumns[] {
    return [...(this.dealsOfLead.get(leadId) ?? [])].map((id) => this.opportunities.get(id) as OpportunityColumns);
  }

  saveOpportunity(row: OpportunityColumns): void {
    this.remember(row);
    this.changedOpportunities.add(row.opportunityId);
  }

  private remember(row: OpportunityColumns): void {
    this.opportunities.set(row.opportunityId, row);
    if (row.leadId === null) return;
    const deals = this.dealsOfLead.get(row.leadId) ?? new Set<string>();
    deals.add(row.opportunityId);
    this.dealsOfLead.set(row.leadId, deals);
  }

  lead(leadId: string): LeadColumns | undefined {
    return this.leads.get(leadId);
  }

  saveLead(row: LeadColumns): void {
    this.leads.set(row.leadId, row);
    this.changedLeads.add(row.leadId);
  }

  /** Whether an event's history row exists: the event was applied before. */
  hasHistory(eventId: string): boolean {
    return this.historyIds.has(eventId);
  }

  addHistory(row: OpportunityHistoryColumns): void {
    this.historyIds.add(row.eventId);
    this.history.push(row);
  }

  addTransition(row: StageTransitionColumns): void {
    this.transitions.push(row);
  }

  dealer(dealerId: string): DealerColumns | undefined {
    return this.dealers.get(dealerId);
  }

  saveDealer(row: DealerColumns): void {
    this.dealers.set(row.dealerId, row);
    this.changedDealers.add(row.dealerId);
  }

  addTierChange(row: DealerTierColumns): void {
    this.tierChanges.set(row.changeId, row);
  }

  plan(dealerId: string, period: string): DealerPlanColumns | undefined {
    return this.plans.get(planKey(dealerId, period));
  }

  savePlan(row: DealerPlanColumns): void {
    const key = planKey(row.dealerId, row.period);
    this.plans.set(key, row);
    this.changedPlans.add(key);
  }

  registration(registrationId: string): DealRegistrationColumns | undefined {
    return this.registrations.get(registrationId);
  }

  saveRegistration(row: DealRegistrationColumns): void {
    this.registrations.set(row.registrationId, row);
    this.changedRegistrations.add(row.registrationId);
  }

  /** Writes what changed since the last flush: one multi-row statement per table and chunk. */
  async flush(tx: EntityManager): Promise<void> {
    const opportunities = [...this.changedOpportunities].map((id) => this.opportunities.get(id) as OpportunityColumns);
    for (const rows of chunks(opportunities, rowsPerStatement))
      await writeRows(tx, this.tables.opportunity, rows, 'replace');
    const leads = [...this.changedLeads].map((id) => this.leads.get(id) as LeadColumns);
    for (const rows of chunks(leads, rowsPerStatement)) await writeRows(tx, this.tables.lead, rows, 'replace');
    for (const rows of chunks(this.history, rowsPerStatement)) await writeRows(tx, this.tables.history, rows, 'insert');
    for (const rows of chunks(this.transitions, rowsPerStatement))
      await writeRows(tx, this.tables.transition, rows, 'insert');
    const dealers = [...this.changedDealers].map((id) => this.dealers.get(id) as DealerColumns);
    for (const rows of chunks(dealers, rowsPerStatement)) await writeRows(tx, this.tables.dealer, rows, 'replace');
    for (const rows of chunks([...this.tierChanges.values()], rowsPerStatement))
      await writeRows(tx, this.tables.dealerTier, rows, 'replace');
    const plans = [...this.changedPlans].map((key) => this.plans.get(key) as DealerPlanColumns);
    for (const rows of chunks(plans, rowsPerStatement)) await writeRows(tx, this.tables.dealerPlan, rows, 'replace');
    const registrations = [...this.changedRegistrations].map(
      (id) => this.registrations.get(id) as DealRegistrationColumns,
    );
    for (const rows of chunks(registrations, rowsPerStatement))
      await writeRows(tx, this.tables.registration, rows, 'replace');
    this.changedDealers.clear();
    this.tierChanges.clear();
    this.changedPlans.clear();
    this.changedRegistrations.clear();
    this.changedOpportunities.clear();
    this.changedLeads.clear();
    this.history.length = 0;
    this.transitions.length = 0;
  }
}
