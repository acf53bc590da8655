import { Module } from '@nestjs/common';
import { DealersModule } from '../dealers';
import { PlansController } from './api/plans.controller';
import { PlanList } from './application/plan-list.port';
import { PlanStreams } from './application/plan-streams';
import { RecordPlanActualHandler } from './application/record-plan-actual.handler';
import { ReadPlanQuery } from './application/read-plan.query';
import { SetDealerPlanHandler } from './application/set-dealer-plan.handler';
import { PlansTable } from './projections/plans.table';

/** Dealer sales plans: each dealer's plan per period, its revisions, and how far the deals won have come. */
@Module({
  imports: [DealersModule],
  controllers: [PlansController],
  providers: [
    PlanStreams,
    PlansTable,
    { provide: PlanList, useExisting: PlansTable },
    ReadPlanQuery,
    SetDealerPlanHandler,
    RecordPlanActualHandler,
  ],
  exports: [PlanStreams, PlanList, RecordPlanActualHandler],
})
export class PlansModule {}
