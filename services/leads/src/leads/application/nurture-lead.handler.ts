import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { LeadResult } from './capture-lead.handler';
import { LeadStreams } from './lead-streams';

/** The lead is not ready yet: kept warm until a day, with a note. */
@Injectable()
export class NurtureLeadHandler {
  constructor(@Inject(LeadStreams) private readonly leads: LeadStreams) {}

  execute(
    leadId: string,
    data: { until?: string; note?: string },
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    return this.leads.run(leadId, caller, expectedVersion, { type: 'NurtureLead', data });
  }
}
