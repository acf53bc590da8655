import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { LEADS_DATABASE } from '../core/leads-service.tokens';
import { LeadsModule } from '../leads';
import { ImportUploads } from './application/import-uploads.port';
import {
  ImportRowReader,
  LEAD_IMPORT_SETTINGS,
  type LeadImportSettings,
  LeadImports,
} from './application/lead-imports';
import { CaptureRequestRows } from './api/capture-request-rows';
import { LeadImportsController } from './api/lead-imports.controller';
import { SqlImportUploads } from './projections/sql-import-uploads';

/**
 * CSV imports of leads: each row captured and routed as a capture over HTTP is, the job's progress in its stream,
 * the uploaded file in the service's database until the job ends.
 */
@Module({
  imports: [LeadsModule],
  controllers: [LeadImportsController],
  providers: [
    LeadImports,
    { provide: ImportRowReader, useClass: CaptureRequestRows },
    {
      provide: ImportUploads,
      useFactory: (settings: LeadImportSettings, database: DataSource) =>
        settings.uploads ?? new SqlImportUploads(database),
      inject: [LEAD_IMPORT_SETTINGS, LEADS_DATABASE],
    },
  ],
})
export class LeadImportsModule {}
