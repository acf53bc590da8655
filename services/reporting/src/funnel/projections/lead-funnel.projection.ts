import type { IntegrationEvent } from '@salesos/contracts';
import type { EntityManager } from 'typeorm';
import { type LeadCapturedData, leadsEventTypes } from '../../shared/leads-events';
import type { Projection, ProjectionHandler } from '../../shared/projection';
import { OpportunityRow } from '../../pipeline/projections/opportunity-row.entity';
import { LeadRow } from './lead-row.entity';

async function captured(event: IntegrationEvent, tx: EntityManager): Promise<void> {
  const data = event.data as LeadCapturedData;
  const segmentIds = JSON.stringify([...data.segmentIds].sort());
  await tx.upsert(
    LeadRow,
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
  await tx.update(OpportunityRow, { leadId: data.leadId }, { source: data.source, segmentIds });
}

const setOnLead =
  (fields: (data: Record<string, string>) => Partial<LeadRow>): ProjectionHandler =>
  async (event, tx) => {
    const data = event.data as Record<string, string>;
    await tx.update(LeadRow, { leadId: data.leadId }, fields(data));
  };

/** The funnel's read model: one row per lead, from capture to conversion. */
export const leadFunnelProjection: Projection = {
  name: 'lead-funnel',
  tables: ['rpt_lead'],
  handlers: new Map<string, ProjectionHandler>([
    [leadsEventTypes.leadCaptured, captured],
    [leadsEventTypes.leadQualified, setOnLead((data) => ({ qualifiedAt: data.qualifiedAt }))],
    [leadsEventTypes.leadDisqualified, setOnLead((data) => ({ disqualifiedAt: data.disqualifiedAt }))],
    [leadsEventTypes.leadAssigned, setOnLead((data) => ({ ownerRepId: data.repId }))],
    [
      leadsEventTypes.leadConverted,
      setOnLead((data) => ({ convertedAt: data.convertedAt, opportunityId: data.opportunityId })),
    ],
  ]),
};
