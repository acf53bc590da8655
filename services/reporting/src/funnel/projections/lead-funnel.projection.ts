import type { IntegrationEvent } from '@salesos/contracts';
import type { EntityManager } from 'typeorm';
import { type LeadCapturedData, leadsEventTypes } from '../../shared/leads-events';
import type { Projection, ProjectionHandler } from '../../shared/projection';
import { liveTables, type ReadModelTables } from '../../shared/read-model-tables';
import type { LeadColumns } from './lead-row.entity';

const captured =
  (tables: ReadModelTables): ProjectionHandler =>
  async (event: IntegrationEvent, tx: EntityManager) => {
    const data = event.data as LeadCapturedData;
    const segmentIds = JSON.stringify([...data.segmentIds].sort());
    await tx.upsert(
      tables.lead,
      {
        leadId: data.leadId,
        divisionId: data.divisionId,
        source: data.source,
        campaign: data.campaign ?? null,
        companyName: data.companyName,
        territory: data.territory ?? null,
        segmentIds,
        capturedAt: data.capturedAt,
      },
      ['leadId'],
    );
    // The lead's opportunity may have been projected first: the two arrive on different topics.
    await tx.update(tables.opportunity, { leadId: data.leadId }, { source: data.source, segmentIds });
  };

const setOnLead =
  (tables: ReadModelTables, fields: (data: Record<string, string>) => Partial<LeadColumns>): ProjectionHandler =>
  async (event, tx) => {
    const data = event.data as Record<string, string>;
    await tx.update(tables.lead, { leadId: data.leadId }, fields(data));
  };

/** The funnel's read model: one row per lead, from capture to conversion. */
export function leadFunnelProjection(tables: ReadModelTables = liveTables): Projection {
  return {
    name: 'lead-funnel',
    tables: ['rpt_lead'],
    handlers: new Map<string, ProjectionHandler>([
      [leadsEventTypes.leadCaptured, captured(tables)],
      [leadsEventTypes.leadQualified, setOnLead(tables, (data) => ({ qualifiedAt: data.qualifiedAt }))],
      [leadsEventTypes.leadDisqualified, setOnLead(tables, (data) => ({ disqualifiedAt: data.disqualifiedAt }))],
      [leadsEventTypes.leadAssigned, setOnLead(tables, (data) => ({ ownerRepId: data.repId }))],
      [
        leadsEventTypes.leadConverted,
        setOnLead(tables, (data) => ({ convertedAt: data.convertedAt, opportunityId: data.opportunityId })),
      ],
    ]),
  };
}
