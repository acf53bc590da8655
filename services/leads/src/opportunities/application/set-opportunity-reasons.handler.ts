import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { SalesProcessStreams } from './sales-process-streams';

/** Sets the reasons the caller's division's deals are won and lost for, each list as a whole. */
@Injectable()
export class SetOpportunityReasonsHandler {
  constructor(@Inject(SalesProcessStreams) private readonly salesProcess: SalesProcessStreams) {}

  execute(reasons: { wonReasons: string[]; lossReasons: string[] }, caller: RequestContext, expectedVersion?: number) {
    return this.salesProcess.run(caller.divisionId, caller, expectedVersion, {
      type: 'SetOpportunityReasons',
      data: { divisionId: caller.divisionId, ...reasons },
    });
  }
}
