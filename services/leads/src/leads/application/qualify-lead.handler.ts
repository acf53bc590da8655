import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { LeadResult } from './capture-lead.handler';
import { LeadStreams } from './lead-streams';

/** The lead is a real prospect. */
@Injectable()
export class QualifyLeadHandler {
  constructor(@Inject(LeadStreams) private readonly leads: LeadStreams) {}

  execute(
    leadId: string,
    note: string | undefined,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    return this.leads.run(leadId, caller, expectedVersion, {
      type: 'QualifyLead',
      data: note === undefined ? {} : { note },
    });
  }
}
