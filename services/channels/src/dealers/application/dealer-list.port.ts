import type { Page, RowScope } from '@salesos/http';
import type { DealerChannelKind } from '../../core/domain/channel-kind';
import type { DealerStatus } from '../domain/dealer.decider';

/** What a list of dealers asks for: the division's, in the caller's reach, narrowed by the filters given. */
export interface DealerFilter {
  divisionId: string;
  /** The caller's reach: a dealer's users see only their dealer. */
  scope?: RowScope;
  status?: DealerStatus;
  channelId?: string;
  /** Part of the company name, in any case. */
  q?: string;
}

/** One dealer as a list shows it; the onboarding checklist is on the dealer itself. */
export interface DealerSummary {
  dealerId: string;
  companyName: string;
  contactEmail: string;
  status: DealerStatus;
  channelId: string;
  channelKind: DealerChannelKind;
  territories: string[];
  productGroups: string[];
  appliedAt: string;
  userIds: string[];
  version: number;
}

/** The division's dealers, filtered and paged in the database, by company name then id. */
export abstract class DealerList {
  abstract find(filter: DealerFilter, offset: number, limit: number): Promise<Page<DealerSummary>>;
}
