/** Lead routing: what other features and the service's composition may use of it. */
export { AssignmentModule } from './assignment.module';
export { DivisionRules } from './application/division-rules.port';
export { SetAssignmentRulesHandler } from './application/set-assignment-rules.handler';
export {
  type AssignmentContext,
  type AssignmentDecision,
  type AssignmentRule,
  type AssignmentRuleFired,
  chooseAssignee,
} from './domain/assignment-rules';
export { assignmentProblems } from './api/assignment.problems';
export { CreateAssignmentTables1765000000200 as AssignmentTables } from './projections/assignment-tables.migration';
