/** Leads: what other features and the service's composition may use of them. */
export { LeadsModule } from './leads.module';
export { CaptureLeadHandler, type CaptureLeadInput, type CapturedLead } from './application/capture-lead.handler';
export { QualifyLeadHandler } from './application/qualify-lead.handler';
export { DisqualifyLeadHandler } from './application/disqualify-lead.handler';
export { NurtureLeadHandler } from './application/nurture-lead.handler';
export { ConvertLeadHandler } from './application/convert-lead.handler';
export { LeadDirectory } from './application/lead-directory.port';
export { SegmentRematchPolicy } from './application/segment-rematch.policy';
export { LeadError, LeadErrorCode } from './domain/lead.errors';
export { CaptureLeadRequest } from './api/capture-lead.request.dto';
export { toCaptureInput } from './api/capture-input';
export { leadProblems } from './api/lead.problems';
export { scoringRulesProblems } from './api/scoring-rules.problems';
export { mapLeadEvent } from './messaging/lead-integration.mapper';
/** The stream category of leads. */
export const leadCategory = 'lead';
export { leadDecider, type LeadState } from './domain/lead.decider';
export { duplicateKeys, findDuplicates } from './domain/duplicate-detection';
export { CreateLeadsTables1765000000000 as LeadsTables } from './projections/leads-tables.migration';
export { CreateScoringRulesTables1765000000520 as ScoringRulesTables } from './projections/scoring-rules-tables.migration';
