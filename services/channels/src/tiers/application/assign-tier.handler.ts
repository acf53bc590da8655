import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerDirectory } from '../../dealers';
import { TierDirectory } from './tier-directory.port';
import { TierRecordStreams } from './tier-record-streams';

export interface TierAssignment {
  programmeId: string;
  changeId: string;
  tierId: string;
  effectiveFrom: string;
}

/** Sets a dealer's tier from a day on; the first assignment opens the dealer's tier record. */
@Injectable()
export class AssignTierHandler {
  constructor(
    @Inject(TierRecordStreams) private readonly records: TierRecordStreams,
    @Inject(TierDirectory) private readonly tiers: TierDirectory,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
  ) {}

  async execute(dealerId: string, assignment: TierAssignment, caller: RequestContext, expectedVersion?: number) {
    await this.dealers.requirePartner(caller.divisionId, dealerId);
    const {
      version: _version,
      status: _status,
      ...programme
    } = await this.tiers.requireProgramme(caller.divisionId, assignment.programmeId);
    return this.records.run(dealerId, caller, expectedVersion, {
      type: 'AssignTier',
      data: {
        programme,
        changeId: assignment.changeId,
        dealerId,
        divisionId: caller.divisionId,
        tierId: assignment.tierId,
        effectiveFrom: assignment.effectiveFrom,
        assignedBy: caller.actor.userId,
      },
    });
  }
}
