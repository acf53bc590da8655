import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Lead } from '../domain/lead.decider';
import { LeadError, LeadErrorCode } from '../domain/lead.errors';
import { LeadStreams } from './lead-streams';

/** One lead as its stream has it now, if it is in the caller's division and reach; otherwise not found. */
@Injectable()
export class ReadLeadQuery {
  constructor(@Inject(LeadStreams) private readonly leads: LeadStreams) {}

  async execute(leadId: string, caller: RequestContext): Promise<{ lead: Lead; version: number }> {
    const { state, version } = await this.leads.load(leadId);
    if (state.status === 'none' || !this.leads.shows(caller, state)) {
      throw new LeadError(LeadErrorCode.NotFound, 'No lead with this id in your reach');
    }
    return { lead: state, version };
  }
}
