import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ActiveSegments } from '../../segments';
import type { LeadDetailsChanges } from '../domain/lead.events';
import type { LeadResult } from './capture-lead.handler';
import { DivisionScoring } from './division-scoring.port';
import { LeadStreams } from './lead-streams';

/**
 * Revises what the lead told us about itself, matches it again against the division's active segments and scores it
 * again by the division's scoring rules.
 */
@Injectable()
export class ReviseLeadHandler {
  constructor(
    @Inject(LeadStreams) private readonly leads: LeadStreams,
    @Inject(ActiveSegments) private readonly segments: ActiveSegments,
    @Inject(DivisionScoring) private readonly scoring: DivisionScoring,
  ) {}

  async execute(
    leadId: string,
    changes: LeadDetailsChanges,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    const activeSegments = await this.segments.definitions(caller.divisionId);
    const scoring = await this.scoring.rulesOf(caller.divisionId);
    return this.leads.run(leadId, caller, expectedVersion, {
      type: 'ReviseLeadDetails',
      data: { changes, activeSegments, scoring },
    });
  }
}
