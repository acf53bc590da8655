import { Module } from '@nestjs/common';
import { PlanStreams } from './application/plan-streams';
import { RecordPlanActualHandler } from './application/record-plan-actual.handler';

/** Dealer plans: each dealer's plan per period, and the deals won through the dealer counted against it. */
@Module({
  providers: [PlanStreams, RecordPlanActualHandler],
  exports: [RecordPlanActualHandler],
})
export class PlansModule {}
