import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { TierError, TierErrorCode } from '../domain/tier.errors';
import { TierDirectory } from './tier-directory.port';
import { TierRecordStreams } from './tier-record-streams';

/** Corrects a recorded change that named the wrong tier, from that change's own day, against the record's programme. */
@Injectable()
export class CorrectTierHandler {
  constructor(
    @Inject(TierRecordStreams) private readonly records: TierRecordStreams,
    @Inject(TierDirectory) private readonly tiers: TierDirectory,
  ) {}

  async execute(
    dealerId: string,
    correction: { correctionId: string; corrects: string; tierId: string; reason: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    const record = await this.tiers.tierRecord(caller.divisionId, dealerId);
    if (record === undefined) {
      throw new TierError(TierErrorCode.NotFound, `Dealer ${dealerId} has no tier record in your division`);
    }
    const {
      version: _version,
      status: _status,
      ...programme
    } = await this.tiers.requireProgramme(caller.divisionId, record.programmeId, 'programmeId');
    return this.records.run(dealerId, caller, expectedVersion, {
      type: 'CorrectTier',
      data: { programme, correctedBy: caller.actor.userId, ...correction },
    });
  }
}
