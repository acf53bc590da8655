import type { Page, RowScope } from '@salesos/http';
import type { LeadProfile } from '../../core/domain/target-audience';
import type { DuplicateKeys, DuplicateMatch } from '../domain/duplicate-detection';
import type { LeadStatus } from '../domain/lead.decider';

export interface LeadSummary {
  leadId: string;
  divisionId: string;
  status: LeadStatus;
  source: string;
  companyName: string;
  contactName: string;
  territory?: string;
  score: number;
  segmentIds: string[];
  ownerRepId?: string;
  teamId?: string;
  capturedAt: string;
  version: number;
}

export interface LeadFilter {
  divisionId: string;
  /** The leads the caller's roles reach in the division (their own, their team's); all without it. */
  scope?: RowScope;
  status?: LeadStatus;
  ownerRepId?: string;
  segmentId?: string;
  source?: string;
}

/** An open lead as segment matching sees it. */
export interface OpenLeadProfile {
  leadId: string;
  segmentIds: string[];
  profile: LeadProfile;
}

/** The service's view of its leads: what capture, routing, lists and rematching ask of it. */
export abstract class LeadDirectory {
  /** Leads of the division, not merged away, that share an email, phone or company name with the candidate. */
  abstract duplicatesOf(divisionId: string, keys: DuplicateKeys, exceptLeadId?: string): Promise<DuplicateMatch[]>;
  abstract find(filter: LeadFilter, offset: number, limit: number): Promise<Page<LeadSummary>>;
  /** The division's open leads with what segment criteria look at, to rematch them when segments change. */
  abstract openProfiles(divisionId: string): Promise<OpenLeadProfile[]>;
  /** How many leads each assignment rule has handed out in the division: the round-robin turn. */
  abstract assignmentsByRule(divisionId: string): Promise<Record<string, number>>;
  /** Open leads per rep in the division: the load least-loaded routing compares. */
  abstract openLeadsByRep(divisionId: string): Promise<Record<string, number>>;
  /** Open leads of the division for a company (by normalised name): what a dealer's registration collides with. */
  abstract openLeadsOfCompany(divisionId: string, companyName: string): Promise<string[]>;
}
