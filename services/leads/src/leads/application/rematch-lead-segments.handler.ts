import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ActiveSegments } from '../../segments';
import type { LeadResult } from './capture-lead.handler';
import { DivisionScoring } from './division-scoring.port';
import { LeadStreams } from './lead-streams';

/** Matches and scores the lead as it is against the division's active segments and scoring rules, as they are now. */
@Injectable()
export class RematchLeadSegmentsHandler {
  constructor(
    @Inject(LeadStreams) private readonly leads: LeadStreams,
    @Inject(ActiveSegments) private readonly segments: ActiveSegments,
    @Inject(DivisionScoring) private readonly scoring: DivisionScoring,
  ) {}

  async execute(leadId: string, caller: RequestContext): Promise<LeadResult> {
    const activeSegments = await this.segments.definitions(caller.divisionId);
    const scoring = await this.scoring.rulesOf(caller.divisionId);
    return this.leads.run(leadId, caller, undefined, {
      type: 'RematchLeadSegments',
      data: { activeSegments, scoring },
    });
  }
}
