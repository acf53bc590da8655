/** CSV imports of leads: what the service's composition uses of them. */
export { LeadImportsModule } from './lead-imports.module';
export { LeadImports, LEAD_IMPORT_TIMING, type LeadImportTiming } from './application/lead-imports';
export { leadImportProblems } from './api/lead-import.problems';
