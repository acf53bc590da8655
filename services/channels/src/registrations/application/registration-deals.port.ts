/** A product line of a deal, as the leads service tells it. */
export interface DealProduct {
  productId: string;
  quantity: number;
}

/** What the channels service keeps of a leads service deal: whose it is and what it sells. */
export interface RegistrationDeal {
  opportunityId: string;
  divisionId: string;
  /** The dealer the deal is attributed to; none for a direct deal. */
  dealerId?: string;
  /** The account's name as lists compare it (`companyKey`); empty while unknown. */
  accountKey: string;
  products: DealProduct[];
}

/** The company name as registrations and deals compare it. */
export const companyKey = (name: string): string => name.normalize('NFKC').trim().toLowerCase();

/**
 * The deals the leads service tells of (OpportunityOpened, OpportunityChannelAttributed, OpportunityProductsChanged):
 * enough to tie a deal to a registration and to count a won one against the dealer's plan.
 */
export abstract class RegistrationDeals {
  abstract opened(deal: RegistrationDeal): Promise<void>;
  abstract attributed(opportunityId: string, divisionId: string, dealerId: string | undefined): Promise<void>;
  abstract productsChanged(opportunityId: string, divisionId: string, products: DealProduct[]): Promise<void>;
  abstract deal(opportunityId: string): Promise<RegistrationDeal | undefined>;
}
