/** The columns an import file may name, in the capture request's terms. */
export const importColumns = [
  'source',
  'campaign',
  'contact_name',
  'contact_email',
  'contact_phone',
  'company_name',
  'industry',
  'size_band',
  'territory',
  'estimated_amount',
  'currency',
  'need_tags',
] as const;

/** One CSV row as the capture request the API takes, so rows and requests are validated alike. */
function rowToRequest(header: readonly string[], row: readonly string[]): Record<string, unknown> {
  const value = (column: (typeof importColumns)[number]): string | undefined => {
    const text = row[header.indexOf(column)]?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const amount = value('estimated_amount');
  return {
    source: value('source'),
    campaign: value('campaign'),
    contact: { name: value('contact_name'), email: value('contact_email'), phone: value('contact_phone') },
    company: { name: value('company_name'), industry: value('industry'), sizeBand: value('size_band') },
    territory: value('territory'),
    estimatedValue: amount === undefined ? undefined : { amount: Number(amount), currency: value('currency') },
    needTags: value('need_tags')
      ?.split(';')
      .map((tag) => tag.trim())
      .filter((tag) => tag.length > 0),
  };
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => [key, withoutUndefined(entry)]),
  );
}

/** A row as the plain request body it stands for, with empty cells left out. */
export function rowBody(header: readonly string[], row: readonly string[]): Record<string, unknown> {
  return withoutUndefined(rowToRequest(header, row)) as Record<string, unknown>;
}

export function checkHeader(header: readonly string[]): void {
  const unknown = header.filter((column) => !(importColumns as readonly string[]).includes(column));
  const missing = ['source', 'contact_name', 'company_name'].filter((column) => !header.includes(column));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(
      `The header must name columns from ${importColumns.join(', ')}` +
        `${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''}`,
    );
  }
}

/** The job as this process runs it, and what it has not yet recorded in the job's stream. */

/** A line with nothing in any cell (`,,,` or an empty line): skipped without a word, only counted. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
