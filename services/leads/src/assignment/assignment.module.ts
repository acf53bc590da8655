import { Module } from '@nestjs/common';
import { AssignmentRuleStreams } from './application/assignment-rule-streams';
import { DivisionRules } from './application/division-rules.port';
import { SetAssignmentRulesHandler } from './application/set-assignment-rules.handler';
import { AssignmentRulesController } from './api/assignment-rules.controller';
import { AssignmentRuleBook } from './projections/assignment-rule-book';

/** Lead routing: each division's assignment rules, in priority order. */
@Module({
  controllers: [AssignmentRulesController],
  providers: [
    AssignmentRuleStreams,
    AssignmentRuleBook,
    { provide: DivisionRules, useExisting: AssignmentRuleBook },
    SetAssignmentRulesHandler,
  ],
  exports: [DivisionRules, SetAssignmentRulesHandler],
})
export class AssignmentModule {}
