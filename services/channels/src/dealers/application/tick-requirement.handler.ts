import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerStreams } from './dealer-streams';

/** Ticks a requirement of an onboarding dealer's checklist, with the evidence; the caller is recorded as who ticked. */
@Injectable()
export class TickRequirementHandler {
  constructor(@Inject(DealerStreams) private readonly dealers: DealerStreams) {}

  execute(
    dealerId: string,
    tick: { requirementId: string; evidence: string; evidenceUrl?: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.dealers.run(dealerId, caller, expectedVersion, {
      type: 'TickRequirement',
      data: { ...tick, tickedBy: caller.actor.userId },
    });
  }
}
