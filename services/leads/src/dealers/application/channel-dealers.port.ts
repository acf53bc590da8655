import type { KnownDealer } from '../domain/dealer-standing.decider';
import { DealerError, DealerErrorCode } from '../domain/dealer.errors';

/**
 * The dealers the channels service told the leads service of, with their standing: the only dealers a deal may be
 * attributed to.
 */
export abstract class ChannelDealers {
  abstract dealer(dealerId: string): Promise<KnownDealer | undefined>;

  /** The division's dealer while it may take deals, or a refusal that names the request field and says why. */
  async requireActiveDealer(divisionId: string, dealerId: string, field: string): Promise<KnownDealer> {
    const dealer = await this.dealer(dealerId);
    // Another division's dealer reads as unknown: a caller learns nothing of the dealers of divisions not theirs.
    if (dealer === undefined || dealer.divisionId !== divisionId) {
      throw new DealerError(
        DealerErrorCode.Unknown,
        `${dealerId} is no dealer of division ${divisionId} that the channels service has activated (or its ` +
          'activation has not reached the leads service yet)',
        field,
      );
    }
    if (dealer.standing === 'suspended') {
      throw new DealerError(
        DealerErrorCode.Suspended,
        `${dealerId} is suspended since ${dealer.since.slice(0, 10)} and takes no new deals`,
        field,
      );
    }
    if (dealer.standing === 'terminated') {
      const lastDay = dealer.lastDay === undefined ? '' : ` (its last day of sales: ${dealer.lastDay})`;
      throw new DealerError(
        DealerErrorCode.Terminated,
        `${dealer.dealerId} is terminated${lastDay} and takes no new deals`,
        field,
      );
    }
    return dealer;
  }
}
