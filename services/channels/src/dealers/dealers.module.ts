import { Module } from '@nestjs/common';
import { DealerDirectory } from './application/dealer-directory.port';
import { DealersTable } from './projections/dealers.table';

/** The division's dealers, from application to termination, which every other channels feature refers to. */
@Module({
  providers: [DealersTable, { provide: DealerDirectory, useExisting: DealersTable }],
  exports: [DealerDirectory],
})
export class DealersModule {}
