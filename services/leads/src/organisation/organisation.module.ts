import { Module } from '@nestjs/common';
import { DivisionStreams } from './application/division-streams';
import { Organisation } from './application/organisation.port';
import { RecordDivisionHandler } from './application/record-division.handler';
import { DivisionsController } from './api/divisions.controller';
import { DivisionsTable } from './projections/divisions.table';

/** The sales organisation: divisions with their reps, teams and dealers, which every reference is checked against. */
@Module({
  controllers: [DivisionsController],
  providers: [
    DivisionStreams,
    DivisionsTable,
    { provide: Organisation, useExisting: DivisionsTable },
    RecordDivisionHandler,
  ],
  exports: [Organisation, RecordDivisionHandler],
})
export class OrganisationModule {}
