import {
  LeadAssignedV1,
  LeadCapturedV1,
  LeadConvertedV1,
  LeadDisqualifiedV1,
  LeadQualifiedV1,
} from '@salesos/contracts';
import { on, type Projection } from './projection';
import type { ReadModelSession } from './read-model-session';
import type { LeadColumns } from './lead-row.entity';

const captured = on(LeadCapturedV1, ({ data }, session) => {
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
});

/** A later step of a lead; the same partition brought its capture first. */
function setOnLead(session: ReadModelSession, leadId: string, fields: Partial<LeadColumns>): void {
  const lead = session.lead(leadId);
  if (lead !== undefined) session.saveLead({ ...lead, ...fields });
}

/** The rep and the team the lead was routed to; its deals belong to that team too. */
const assigned = on(LeadAssignedV1, ({ data }, session) => {
  const lead = session.lead(data.leadId);
  if (lead === undefined) return;
  const teamId = data.teamId ?? null;
  session.saveLead({ ...lead, ownerRepId: data.repId, teamId });
  for (const deal of session.opportunitiesOfLead(data.leadId)) session.saveOpportunity({ ...deal, teamId });
});

/** The funnel's read model: one row per lead, from capture to conversion. */
export const leadFunnelProjection: Projection = {
  name: 'lead-funnel',
  tables: ['rpt_lead'],
  handlers: new Map([
    captured,
    on(LeadQualifiedV1, ({ data }, session) => setOnLead(session, data.leadId, { qualifiedAt: data.qualifiedAt })),
    on(LeadDisqualifiedV1, ({ data }, session) =>
      setOnLead(session, data.leadId, { disqualifiedAt: data.disqualifiedAt }),
    ),
    assigned,
    on(LeadConvertedV1, ({ data }, session) =>
      setOnLead(session, data.leadId, { convertedAt: data.convertedAt, opportunityId: data.opportunityId }),
    ),
  ]),
};
