import type { TierProgramme } from '../domain/tier-programme.decider';
import type { TierRecord } from '../domain/tier-record.decider';
import { TierError, TierErrorCode } from '../domain/tier.errors';

/** A programme as the service's view has it, with the version of its stream. */
export type TierProgrammeRecord = TierProgramme & { version: number };
/** A dealer's tier record, its history with corrections applied, with the version of its stream. */
export type DealerTierRecord = TierRecord & { version: number };

/** The division's tier programmes and each dealer's tier record, read from the service's views. */
export abstract class TierDirectory {
  abstract programme(divisionId: string, programmeId: string): Promise<TierProgrammeRecord | undefined>;
  abstract programmes(divisionId: string): Promise<TierProgrammeRecord[]>;
  abstract tierRecord(divisionId: string, dealerId: string): Promise<DealerTierRecord | undefined>;

  /** The division's programme, or a refusal naming the request field that referred to it. */
  async requireProgramme(divisionId: string, programmeId: string, field = 'programmeId'): Promise<TierProgrammeRecord> {
    const programme = await this.programme(divisionId, programmeId);
    if (programme === undefined) {
      throw new TierError(
        TierErrorCode.UnknownReference,
        `${programmeId} is not a tier programme of division ${divisionId}`,
        field,
      );
    }
    return programme;
  }
}
