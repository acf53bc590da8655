/** A company's name as the platform compares it: two spellings of one company read alike. */
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
