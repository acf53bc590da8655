import { Module } from '@nestjs/common';
import { AssignmentModule } from '../assignment';
import { OrganisationModule } from '../organisation';
import { SegmentsModule } from '../segments';
import { AssignLeadHandler } from './application/assign-lead.handler';
import { CaptureLeadHandler } from './application/capture-lead.handler';
import { ConvertLeadHandler } from './application/convert-lead.handler';
import { DisqualifyLeadHandler } from './application/disqualify-lead.handler';
import { LeadDirectory } from './application/lead-directory.port';
import { LeadStreams } from './application/lead-streams';
import { MergeLeadHandler } from './application/merge-lead.handler';
import { NurtureLeadHandler } from './application/nurture-lead.handler';
import { QualifyLeadHandler } from './application/qualify-lead.handler';
import { ReadLeadQuery } from './application/read-lead.query';
import { RematchLeadSegmentsHandler } from './application/rematch-lead-segments.handler';
import { ReviseLeadHandler } from './application/revise-lead.handler';
import { SegmentRematchPolicy } from './application/segment-rematch.policy';
import { DivisionScoring } from './application/division-scoring.port';
import { ScoringRuleStreams } from './application/scoring-rule-streams';
import { SetScoringRulesHandler } from './application/set-scoring-rules.handler';
import { LeadsController } from './api/leads.controller';
import { ScoringRulesController } from './api/scoring-rules.controller';
import { LeadsTable } from './projections/leads.table';
import { ScoringRulesTable } from './projections/scoring-rules.table';
import { SqlLeadDirectory } from './projections/sql-lead-directory';

/** Leads: captured, matched to segments, scored by the division's rules, routed, qualified or not, merged and converted. */
@Module({
  imports: [OrganisationModule, SegmentsModule, AssignmentModule],
  controllers: [LeadsController, ScoringRulesController],
  providers: [
    LeadStreams,
    LeadsTable,
    { provide: LeadDirectory, useClass: SqlLeadDirectory },
    ScoringRuleStreams,
    ScoringRulesTable,
    { provide: DivisionScoring, useExisting: ScoringRulesTable },
    SetScoringRulesHandler,
    CaptureLeadHandler,
    ReviseLeadHandler,
    QualifyLeadHandler,
    DisqualifyLeadHandler,
    NurtureLeadHandler,
    AssignLeadHandler,
    MergeLeadHandler,
    ConvertLeadHandler,
    RematchLeadSegmentsHandler,
    ReadLeadQuery,
    SegmentRematchPolicy,
  ],
  exports: [
    LeadDirectory,
    CaptureLeadHandler,
    QualifyLeadHandler,
    DisqualifyLeadHandler,
    NurtureLeadHandler,
    ConvertLeadHandler,
    SegmentRematchPolicy,
  ],
})
export class LeadsModule {}
