import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { LeadResult } from './capture-lead.handler';
import { LeadStreams } from './lead-streams';

/** A qualified lead becomes the opportunity with this id; the opportunities feature opens it. */
@Injectable()
export class ConvertLeadHandler {
  constructor(@Inject(LeadStreams) private readonly leads: LeadStreams) {}

  execute(
    leadId: string,
    opportunityId: string,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    return this.leads.run(leadId, caller, expectedVersion, { type: 'ConvertLead', data: { opportunityId } });
  }
}
