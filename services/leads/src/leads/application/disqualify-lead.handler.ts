import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { LeadResult } from './capture-lead.handler';
import { LeadStreams } from './lead-streams';

/** The lead is not a prospect, for a reason. */
@Injectable()
export class DisqualifyLeadHandler {
  constructor(@Inject(LeadStreams) private readonly leads: LeadStreams) {}

  execute(leadId: string, reason: string, caller: RequestContext, expectedVersion?: number): Promise<LeadResult> {
    return this.leads.run(leadId, caller, expectedVersion, { type: 'DisqualifyLead', data: { reason } });
  }
}
