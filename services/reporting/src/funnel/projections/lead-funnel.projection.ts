import { type LeadAssignedData, type LeadCapturedData, leadsEventTypes } from '../../shared/leads-events';
import type { Projection, ProjectionHandler } from '../../shared/projection';
import type { LeadColumns } from './lead-row.entity';

const captured: ProjectionHandler = (event, session) => {
  const data = event.data as LeadCapturedData;
  const segmentIds = JSON.stringify([...data.segmentIds].sort());
  const existing = session.lead(data.leadId);
  session.saveLead({
    qualifiedAt: null,
    disqualifiedAt: null,
    convertedAt: null,
    opportunityId: null,
    ownerRepId: null,
    teamId: null,
    ...existing,
    leadId: data.leadId,
    divisionId: data.divisionId,
    source: data.source,
    campaign: data.campaign ?? null,
    companyName: data.companyName,
    territory: data.territory ?? null,
    segmentIds,
    capturedAt: data.capturedAt,
  });
  // The lead's opportunity may have been projected first: the two arrive on different topics.
  for (const deal of session.opportunitiesOfLead(data.leadId)) {
    session.saveOpportunity({ ...deal, source: data.source, segmentIds });
  }
};

/** A later step of a lead; the same partition brought its capture first. */
const setOnLead =
  (fields: (data: Record<string, string>) => Partial<LeadColumns>): ProjectionHandler =>
  (event, session) => {
    const data = event.data as Record<string, string>;
    const lead = session.lead(data.leadId as string);
    if (lead !== undefined) session.saveLead({ ...lead, ...fields(data) });
  };

/** The rep and the team the lead was routed to; its deals belong to that team too. */
const assigned: ProjectionHandler = (event, session) => {
  const data = event.data as LeadAssignedData;
  const lead = session.lead(data.leadId);
  if (lead === undefined) return;
  const teamId = data.teamId ?? null;
  session.saveLead({ ...lead, ownerRepId: data.repId, teamId });
  for (const deal of session.opportunitiesOfLead(data.leadId)) session.saveOpportunity({ ...deal, teamId });
};

/** The funnel's read model: one row per lead, from capture to conversion. */
export const leadFunnelProjection: Projection = {
  name: 'lead-funnel',
  tables: ['rpt_lead'],
  handlers: new Map<string, ProjectionHandler>([
    [leadsEventTypes.leadCaptured, captured],
    [leadsEventTypes.leadQualified, setOnLead((data) => ({ qualifiedAt: data.qualifiedAt }))],
    [leadsEventTypes.leadDisqualified, setOnLead((data) => ({ disqualifiedAt: data.disqualifiedAt }))],
    [leadsEventTypes.leadAssigned, assigned],
    [
      leadsEventTypes.leadConverted,
      setOnLead((data) => ({ convertedAt: data.convertedAt, opportunityId: data.opportunityId })),
    ],
  ]),
};
