import { type Dealer, isPartner } from '../domain/dealer.decider';
import { DealerError, DealerErrorCode } from '../domain/dealer.errors';

/** The dealers of each division as the service's view has them, with the version of each dealer's stream. */
export type DealerRecord = Dealer & { version: number };

/**
 * The dealers every other feature refers to: agreements, tiers, plans, registrations, contacts and funds name a
 * dealer, which must be the division's own; some commands need the dealer active.
 */
export abstract class DealerDirectory {
  abstract dealer(divisionId: string, dealerId: string): Promise<DealerRecord | undefined>;

  /** The division's dealer, or a refusal naming the request field that referred to it. */
  async requireDealer(divisionId: string, dealerId: string, field = 'dealerId'): Promise<DealerRecord> {
    const dealer = await this.dealer(divisionId, dealerId);
    if (dealer === undefined) {
      throw new DealerError(DealerErrorCode.InvalidInput, `${dealerId} is not a dealer of division ${divisionId}`, {
        field,
      });
    }
    return dealer;
  }

  /**
   * The division's dealer while the relationship stands, or a refusal that names its state: terms, tiers and plans
   * are not written for a dealer that was rejected or terminated.
   */
  async requirePartner(divisionId: string, dealerId: string, field = 'dealerId'): Promise<DealerRecord> {
    return refuseEnded(await this.requireDealer(divisionId, dealerId, field));
  }

  /**
   * Refuses a dealer of the division whose relationship ended; a dealer the division does not have is left to the
   * refusal of the record the command names (its agreement, its tier record), which says not found.
   */
  async refuseEndedPartner(divisionId: string, dealerId: string): Promise<void> {
    const dealer = await this.dealer(divisionId, dealerId);
    if (dealer !== undefined) refuseEnded(dealer);
  }

  /** The division's dealer while it is active, or a refusal that names its state. */
  async requireActiveDealer(divisionId: string, dealerId: string, field = 'dealerId'): Promise<DealerRecord> {
    const dealer = await this.requireDealer(divisionId, dealerId, field);
    if (dealer.status !== 'active') {
      throw new DealerError(DealerErrorCode.InvalidTransition, `Dealer ${dealerId} is ${dealer.status}, not active`, {
        status: dealer.status,
      });
    }
    return dealer;
  }
}

function refuseEnded(dealer: DealerRecord): DealerRecord {
  if (!isPartner(dealer.status)) {
    throw new DealerError(
      DealerErrorCode.InvalidTransition,
      `Dealer ${dealer.dealerId} is ${dealer.status}: nothing more is agreed, tiered or planned with it`,
      { status: dealer.status },
    );
  }
  return dealer;
}
