import { Inject, Injectable } from '@nestjs/common';
import { aggregateTable, type StateChange, Sql, type StoreProjection, upsertRows } from '@salesos/projections';
import type { EntityManager } from 'typeorm';
import { normalizeCompanyName } from '../../core/domain/company-name';
import { ServiceViews } from '@salesos/projections';
import { duplicateKeys } from '../domain/duplicate-detection';
import { type Lead, leadDecider, type LeadState } from '../domain/lead.decider';
import { type LeadEvent, leadEvents } from '../domain/lead.events';

type LeadChange = StateChange<LeadState, LeadEvent>;

const keyEvents = new Set<LeadEvent['type']>(['LeadCaptured', 'LeadDetailsRevised']);
const segmentEvents = new Set<LeadEvent['type']>(['LeadCaptured', 'LeadSegmentsMatched']);

/** A lead's duplicate keys as rows: `email:…`, `phone:…`, `company:…`. */
function keyRows(lead: Lead): Array<Record<string, unknown>> {
  const keys = duplicateKeys({ email: lead.email, phone: lead.phone, companyName: lead.companyName });
  return (['email', 'phone', 'company'] as const)
    .filter((kind) => keys[kind] !== undefined)
    .map((kind) => ({
      division_id: lead.divisionId,
      lookup_key: `${kind}:${keys[kind] as string}`,
      lead_id: lead.leadId,
    }));
}

async function replaceRows(
  tx: EntityManager,
  table: string,
  leadIds: readonly string[],
  rows: ReadonlyArray<Record<string, unknown>>,
  key: readonly string[],
): Promise<void> {
  if (leadIds.length === 0) return;
  const sql = Sql.for(tx);
  await sql.run(tx, `DELETE FROM ${table} WHERE lead_id IN (${sql.list(leadIds)})`);
  await upsertRows(tx, table, key, rows);
}

/** Duplicate keys, segment memberships and routing turns, in step with the leads a page changed. */
async function sideTables(changes: readonly LeadChange[], tx: EntityManager): Promise<void> {
  const leads = (filter: Set<LeadEvent['type']>) =>
    changes.filter((change) => change.after.status !== 'none' && change.events.some((event) => filter.has(event.type)));
  const keyed = leads(keyEvents);
  await replaceRows(
    tx,
    'leads_lead_key',
    keyed.map((change) => change.id),
    keyed.flatMap((change) => keyRows(change.after as Lead)),
    ['division_id', 'lookup_key', 'lead_id'],
  );
  const matched = leads(segmentEvents);
  await replaceRows(
    tx,
    'leads_lead_segment',
    matched.map((change) => change.id),
    matched.flatMap((change) =>
      (change.after as Lead).segmentIds.map((segmentId) => ({ lead_id: change.id, segment_id: segmentId })),
    ),
    ['lead_id', 'segment_id'],
  );
  const turns = new Map<string, { division: string; rule: string; turns: number }>();
  for (const change of changes) {
    for (const event of change.events) {
      const ruleId = event.type === 'LeadAssigned' ? event.data.rule.ruleId : undefined;
      if (ruleId === undefined || change.after.status === 'none') continue;
      const key = `${change.after.divisionId}\u0000${ruleId}`;
      const entry = turns.get(key) ?? { division: change.after.divisionId, rule: ruleId, turns: 0 };
      entry.turns += 1;
      turns.set(key, entry);
    }
  }
  for (const { division, rule, turns: count } of turns.values()) {
    const sql = Sql.for(tx);
    await sql.run(
      tx,
      `INSERT INTO leads_assignment_turn (division_id, rule_id, turns) VALUES (${sql.param(division)}, ${sql.param(rule)}, ${sql.param(count)})
       ON CONFLICT (division_id, rule_id) DO UPDATE SET turns = leads_assignment_turn.turns + excluded.turns`,
    );
  }
}

/** The leads table: each lead's state, folded with the lead decider's own `evolve`. */
@Injectable()
export class LeadsTable {
  readonly projection: StoreProjection = aggregateTable<LeadState, LeadEvent>({
    name: 'leads',
    category: 'lead',
    table: 'leads_lead',
    idColumn: 'lead_id',
    codec: leadEvents,
    evolve: (state, event) => leadDecider.evolve(state, event),
    initialState: () => leadDecider.initialState(),
    columns: (lead) =>
      lead.status === 'none'
        ? undefined
        : {
            division_id: lead.divisionId,
            status: lead.status,
            source: lead.source,
            company_key: normalizeCompanyName(lead.companyName),
            owner_rep_id: lead.ownerRepId ?? null,
            team_id: lead.teamId ?? null,
            captured_at: lead.capturedAt,
          },
    afterPage: sideTables,
  });

  constructor(@Inject(ServiceViews) views: ServiceViews) {
    views.register(this.projection);
  }
}
