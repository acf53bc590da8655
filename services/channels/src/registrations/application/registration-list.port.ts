import type { Page } from '@salesos/http';
import type { Registration } from '../domain/registration.state';

export type RegistrationStatus = Registration['status'];

export interface RegistrationFilter {
  divisionId: string;
  /** A dealer's users see their own dealer's registrations only. */
  dealerId?: string;
  status?: RegistrationStatus;
}

export type RegistrationSummary = Registration & { lapseDueAt?: string; version: number };

/** An accepted registration whose lapse fell due. */
export interface DueLapse {
  registrationId: string;
  divisionId: string;
  dueAt: string;
}

/** The registrations as the service's view has them. */
export abstract class RegistrationList {
  abstract find(filter: RegistrationFilter, offset: number, limit: number): Promise<Page<RegistrationSummary>>;

  /** Accepted registrations due to lapse at `now`, oldest due first. */
  abstract dueLapses(now: string, limit: number): Promise<DueLapse[]>;

  /**
   * The accepted registration a deal belongs to: the one tied to it, or else the dealer's accepted registration of
   * the deal's company that is not tied to another deal yet.
   */
  abstract registrationOfDeal(deal: {
    opportunityId: string;
    divisionId: string;
    dealerId?: string;
    accountName?: string;
  }): Promise<string | undefined>;
}
