import type { Dealer } from '../domain/dealer.decider';
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
