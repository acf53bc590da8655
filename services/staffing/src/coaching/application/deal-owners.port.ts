/** Whose a deal of the leads service is, as staffing knows the rep. */
export interface DealOwner {
  /** The owner as the leads service names them: their user id. */
  ownerRepId: string;
  /** The person staffing keeps for that user. */
  personId: string;
}

/**
 * The owners of the leads service's deals. OpportunityLost does not say whose the deal was, so the coaching rule asks
 * here: a view of the deals' owners (OpportunityOpened's `ownerRepId`) joined with the people who have those users.
 */
export abstract class DealOwners {
  abstract ownerOf(divisionId: string, opportunityId: string): Promise<DealOwner | undefined>;
}
