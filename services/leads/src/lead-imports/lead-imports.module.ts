import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads';
import { ImportRowReader, LEAD_IMPORT_TIMING, LeadImports } from './application/lead-imports';
import { CaptureRequestRows } from './api/capture-request-rows';
import { LeadImportsController } from './api/lead-imports.controller';

/** CSV imports of leads: each row captured and routed as a capture over HTTP is, the job's progress in its stream. */
@Module({
  imports: [LeadsModule],
  controllers: [LeadImportsController],
  providers: [
    LeadImports,
    { provide: ImportRowReader, useClass: CaptureRequestRows },
    { provide: LEAD_IMPORT_TIMING, useValue: {} },
  ],
})
export class LeadImportsModule {}
