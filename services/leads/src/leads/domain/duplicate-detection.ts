/**
 * Duplicate detection on capture: two leads of one division are the same prospect when their normalised email,
 * phone or company name agree.
 */
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

const legalForms = new Set([
  'ag',
  'co',
  'company',
  'corp',
  'corporation',
  'gmbh',
  'inc',
  'incorporated',
  'kg',
  'llc',
  'llp',
  'ltd',
  'limited',
  'plc',
  'sa',
  'sarl',
  'sas',
  'spa',
  'srl',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'oao',
  'ooo',
  'zao',
]);

/** Lower case, accents and punctuation removed, legal forms ("GmbH", "Inc.", "Ltd") dropped. */
export function normalizeCompanyName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Dotted abbreviations are one word: "S.A." is "sa", "Inc." is "inc".
    .replace(/\./g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
  while (words.length > 1 && legalForms.has(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
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
