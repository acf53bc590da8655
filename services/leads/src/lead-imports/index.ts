/** CSV imports of leads: what the service's composition uses of them. */
export { LeadImportsModule } from './lead-imports.module';
export {
  defaultImportLimits,
  type ImportLimits,
  LEAD_IMPORT_SETTINGS,
  LeadImports,
  type LeadImportSettings,
  type LeadImportTiming,
} from './application/lead-imports';
export { ImportUploads, type StoredUpload } from './application/import-uploads.port';
export { MemoryImportUploads } from './projections/memory-import-uploads';
export { leadImportProblems } from './api/lead-import.problems';
export { CreateLeadImportsTables1765000000500 as LeadImportsTables } from './projections/lead-imports-tables.migration';
