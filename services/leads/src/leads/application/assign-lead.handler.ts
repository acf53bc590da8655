import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { AssignmentRuleFired } from '../../assignment';
import { Organisation } from '../../organisation';
import type { LeadResult } from './capture-lead.handler';
import { LeadStreams } from './lead-streams';

/** Hands a lead to a rep by hand; the event says who did. */
@Injectable()
export class AssignLeadHandler {
  constructor(
    @Inject(LeadStreams) private readonly leads: LeadStreams,
    @Inject(Organisation) private readonly organisation: Organisation,
  ) {}

  async execute(leadId: string, repId: string, caller: RequestContext, expectedVersion?: number): Promise<LeadResult> {
    await this.organisation.requireRep(caller.divisionId, repId, 'repId');
    const rule: AssignmentRuleFired = { kind: 'manual', detail: `assigned by ${caller.actor.userId}` };
    return this.leads.run(leadId, caller, expectedVersion, { type: 'AssignLead', data: { repId, rule } });
  }
}
