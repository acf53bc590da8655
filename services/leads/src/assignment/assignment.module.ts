import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation';
import { SegmentsModule } from '../segments';
import { AssignmentRuleStreams } from './application/assignment-rule-streams';
import { DivisionRules } from './application/division-rules.port';
import { SetAssignmentRulesHandler } from './application/set-assignment-rules.handler';
import { AssignmentRulesController } from './api/assignment-rules.controller';
import { AssignmentRulesTable } from './projections/assignment-rules.table';

/** Lead routing: each division's assignment rules, in priority order. */
@Module({
  imports: [OrganisationModule, SegmentsModule],
  controllers: [AssignmentRulesController],
  providers: [
    AssignmentRuleStreams,
    AssignmentRulesTable,
    { provide: DivisionRules, useExisting: AssignmentRulesTable },
    SetAssignmentRulesHandler,
  ],
  exports: [DivisionRules, SetAssignmentRulesHandler],
})
export class AssignmentModule {}
