import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ActiveSegments } from '../../segments';
import type { LeadDetailsChanges } from '../domain/lead.events';
import type { LeadResult } from './capture-lead.handler';
import { LeadStreams } from './lead-streams';

/** Revises what the lead told us about itself and matches it again against the division's active segments. */
@Injectable()
export class ReviseLeadHandler {
  constructor(
    @Inject(LeadStreams) private readonly leads: LeadStreams,
    @Inject(ActiveSegments) private readonly segments: ActiveSegments,
  ) {}

  async execute(
    leadId: string,
    changes: LeadDetailsChanges,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    const activeSegments = await this.segments.definitions(caller.divisionId);
    return this.leads.run(leadId, caller, expectedVersion, {
      type: 'ReviseLeadDetails',
      data: { changes, activeSegments },
    });
  }
}
