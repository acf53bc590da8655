/**
 * Duplicate detection on capture: two leads of one division are the same prospect when their normalised email,
 * phone or company name agree.
 */
import { normalizeCompanyName } from '../../core/domain/company-name';

export interface DuplicateKeys {
  email?: string;
  phone?: string;
  company?: string;
}

export type DuplicateKey = keyof DuplicateKeys;

export interface LeadIdentity {
  leadId: string;
  keys: DuplicateKeys;
}

export interface DuplicateMatch {
  leadId: string;
  matchedOn: DuplicateKey[];
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits only, with an international prefix written as 00 or + treated alike. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+') ? digits : digits.replace(/^00/, '');
}

export function duplicateKeys(input: { email?: string; phone?: string; companyName?: string }): DuplicateKeys {
  const keys: DuplicateKeys = {};
  const email = input.email === undefined ? '' : normalizeEmail(input.email);
  const phone = input.phone === undefined ? '' : normalizePhone(input.phone);
  const company = input.companyName === undefined ? '' : normalizeCompanyName(input.companyName);
  if (email.length > 0) keys.email = email;
  if (phone.length >= 6) keys.phone = phone;
  if (company.length > 0) keys.company = company;
  return keys;
}

/** Existing leads that share a key with the candidate, each with the keys it matched on. */
export function findDuplicates(candidate: DuplicateKeys, existing: readonly LeadIdentity[]): DuplicateMatch[] {
  const matches: DuplicateMatch[] = [];
  for (const lead of existing) {
    const matchedOn = (['email', 'phone', 'company'] as const).filter(
      (key) => candidate[key] !== undefined && candidate[key] === lead.keys[key],
    );
    if (matchedOn.length > 0) matches.push({ leadId: lead.leadId, matchedOn });
  }
  return matches;
}
