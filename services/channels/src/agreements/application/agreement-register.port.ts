import type { Page } from '@salesos/http';
import type { Agreement } from '../domain/agreement.decider';

/** An agreement as the service's view has it, with the version of its stream. */
export type AgreementRecord = Agreement & { version: number };

export interface AgreementFilter {
  divisionId: string;
  /** Only this dealer's agreements: a filter asked for, or the caller's own dealer. */
  dealerId?: string;
  /** For a dealer's user: only their dealer's agreements, whatever else is asked. */
  reachDealerId?: string;
  /** Only agreements whose terms in force on `today` run out within this many days with nothing signed to follow. */
  expiringWithinDays?: number;
  today: string;
}

/** The division's agreements, read from the service's view. */
export abstract class AgreementRegister {
  abstract agreement(divisionId: string, agreementId: string): Promise<AgreementRecord | undefined>;
  abstract find(filter: AgreementFilter, offset: number, limit: number): Promise<Page<AgreementRecord>>;
}
