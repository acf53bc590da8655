import { Inject, Injectable } from '@nestjs/common';
import type { Page } from '@salesos/http';
import { Sql, type SqlRow, toNumber } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { normalizeCompanyName } from '../../core/domain/company-name';
import { LEADS_DATABASE } from '../../core/leads-service.tokens';
import {
  LeadDirectory,
  type LeadFilter,
  type LeadSummary,
  type OpenLeadProfile,
} from '../application/lead-directory.port';
import { type DuplicateKeys, type DuplicateMatch, findDuplicates } from '../domain/duplicate-detection';
import { type Lead, leadProfile, type LeadStatus } from '../domain/lead.decider';

const openStatuses: readonly LeadStatus[] = ['new', 'nurturing', 'qualified'];

function summary(row: SqlRow): LeadSummary {
  const lead = JSON.parse(String(row.state)) as Lead;
  return {
    leadId: lead.leadId,
    divisionId: lead.divisionId,
    status: lead.status,
    source: lead.source,
    companyName: lead.companyName,
    contactName: lead.contactName,
    ...(lead.territory === undefined ? {} : { territory: lead.territory }),
    score: lead.score,
    segmentIds: lead.segmentIds,
    ...(lead.ownerRepId === undefined ? {} : { ownerRepId: lead.ownerRepId }),
    ...(lead.teamId === undefined ? {} : { teamId: lead.teamId }),
    capturedAt: lead.capturedAt,
    version: toNumber(row.version),
  };
}

/** The lead directory as SQL over the leads tables: filters, reach and paging in the statement itself. */
@Injectable()
export class SqlLeadDirectory extends LeadDirectory {
  constructor(@Inject(LEADS_DATABASE) private readonly db: DataSource) {
    super();
  }

  async duplicatesOf(divisionId: string, keys: DuplicateKeys, exceptLeadId?: string): Promise<DuplicateMatch[]> {
    const lookups = (['email', 'phone', 'company'] as const)
      .filter((kind) => keys[kind] !== undefined)
      .map((kind) => `${kind}:${keys[kind] as string}`);
    if (lookups.length === 0) return [];
    const sql = Sql.for(this.db);
    const candidates = await sql.run(
      this.db,
      `SELECT DISTINCT k.lead_id, l.captured_at FROM leads_lead_key k JOIN leads_lead l ON l.lead_id = k.lead_id
       WHERE k.division_id = ${sql.param(divisionId)} AND k.lookup_key IN (${sql.list(lookups)})
         AND l.status <> 'merged' AND k.lead_id <> ${sql.param(exceptLeadId ?? '')}
       ORDER BY l.captured_at, k.lead_id`,
    );
    if (candidates.length === 0) return [];
    const ids = candidates.map((row) => String(row.lead_id));
    const keysSql = Sql.for(this.db);
    const rows = await keysSql.run(
      this.db,
      `SELECT lead_id, lookup_key FROM leads_lead_key WHERE lead_id IN (${keysSql.list(ids)})`,
    );
    const byLead = new Map<string, DuplicateKeys>(ids.map((id) => [id, {}]));
    for (const row of rows) {
      const [kind, ...rest] = String(row.lookup_key).split(':');
      const leadKeys = byLead.get(String(row.lead_id));
      if (leadKeys !== undefined && (kind === 'email' || kind === 'phone' || kind === 'company')) {
        leadKeys[kind] = rest.join(':');
      }
    }
    return findDuplicates(
      keys,
      ids.map((leadId) => ({ leadId, keys: byLead.get(leadId) ?? {} })),
    );
  }

  async find(filter: LeadFilter, offset: number, limit: number): Promise<Page<LeadSummary>> {
    const where = (sql: Sql): string => {
      const conditions = [`l.division_id = ${sql.param(filter.divisionId)}`];
      if (filter.scope !== undefined) conditions.push(sql.rowsReached(filter.scope, 'l', null));
      if (filter.status !== undefined) conditions.push(`l.status = ${sql.param(filter.status)}`);
      if (filter.ownerRepId !== undefined) conditions.push(`l.owner_rep_id = ${sql.param(filter.ownerRepId)}`);
      if (filter.source !== undefined) conditions.push(`l.source = ${sql.param(filter.source)}`);
      if (filter.segmentId !== undefined) {
        conditions.push(
          `EXISTS (SELECT 1 FROM leads_lead_segment s WHERE s.lead_id = l.lead_id AND s.segment_id = ${sql.param(filter.segmentId)})`,
        );
      }
      return conditions.join(' AND ');
    };
    const count = Sql.for(this.db);
    const [total] = await count.run(this.db, `SELECT COUNT(*) AS total FROM leads_lead l WHERE ${where(count)}`);
    const page = Sql.for(this.db);
    const rows = await page.run(
      this.db,
      `SELECT l.state, l.version FROM leads_lead l WHERE ${where(page)}
       ORDER BY l.captured_at DESC, ${page.binary('l.lead_id')} LIMIT ${page.param(limit)} OFFSET ${page.param(offset)}`,
    );
    return { items: rows.map(summary), total: toNumber(total?.total) };
  }

  async openProfiles(divisionId: string): Promise<OpenLeadProfile[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT state FROM leads_lead WHERE division_id = ${sql.param(divisionId)} AND status IN (${sql.list(openStatuses)})`,
    );
    return rows.map((row) => {
      const lead = JSON.parse(String(row.state)) as Lead;
      return { leadId: lead.leadId, segmentIds: lead.segmentIds, profile: leadProfile(lead) };
    });
  }

  async assignmentsByRule(divisionId: string): Promise<Record<string, number>> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT rule_id, turns FROM leads_assignment_turn WHERE division_id = ${sql.param(divisionId)}`,
    );
    return Object.fromEntries(rows.map((row) => [String(row.rule_id), toNumber(row.turns)]));
  }

  async openLeadsByRep(divisionId: string): Promise<Record<string, number>> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT owner_rep_id, COUNT(*) AS open FROM leads_lead
       WHERE division_id = ${sql.param(divisionId)} AND owner_rep_id IS NOT NULL AND status IN (${sql.list(openStatuses)})
       GROUP BY owner_rep_id`,
    );
    return Object.fromEntries(rows.map((row) => [String(row.owner_rep_id), toNumber(row.open)]));
  }

  async openLeadsOfCompany(divisionId: string, companyName: string): Promise<string[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT lead_id FROM leads_lead WHERE division_id = ${sql.param(divisionId)}
         AND company_key = ${sql.param(normalizeCompanyName(companyName))} AND status IN (${sql.list(openStatuses)})
       ORDER BY ${sql.binary('lead_id')}`,
    );
    return rows.map((row) => String(row.lead_id));
  }
}
