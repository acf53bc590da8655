import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { PlanStreams } from './plan-streams';

/** A dealer's plan for a period as it stands now, read from its stream; one the caller may not see is not found. */
@Injectable()
export class ReadPlanQuery {
  constructor(@Inject(PlanStreams) private readonly plans: PlanStreams) {}

  execute(dealerId: string, period: string, caller: RequestContext) {
    return this.plans.read(dealerId, period, caller);
  }
}
