import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { LeadError, LeadErrorCode } from '../domain/lead.errors';
import type { LeadResult } from './capture-lead.handler';
import { LeadStreams } from './lead-streams';

/**
 * Merges a duplicate into a lead of the same division that the caller reaches; any other lead id reads as unknown.
 * Only the duplicate's stream changes, so the lead merged into is checked as it stands.
 */
@Injectable()
export class MergeLeadHandler {
  constructor(@Inject(LeadStreams) private readonly leads: LeadStreams) {}

  async execute(
    leadId: string,
    intoLeadId: string,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    const into = await this.leads.load(intoLeadId);
    if (!this.leads.shows(caller, into.state)) {
      throw new LeadError(LeadErrorCode.NotFound, `No lead ${intoLeadId} in your division to merge into`);
    }
    return this.leads.run(leadId, caller, expectedVersion, { type: 'MergeLead', data: { intoLeadId } });
  }
}
