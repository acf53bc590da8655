/** A calendar month of a period: its first day and the first day of the next, as the reports take them. */
export interface Month {
  name: string;
  from: string;
  to: string;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The months a period covers that have begun by now (a month yet to come has no outcomes), at most the last 24, the
 * first and last cut to the period.
 */
export function monthsOf(from: string, to: string, now = new Date()): Month[] {
  const months: Month[] = [];
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  let cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  while (cursor < end && cursor <= now) {
    const next = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
    const monthFrom = cursor < start ? start : cursor;
    const monthTo = next > end ? end : next;
    months.push({
      name: `${monthNames[cursor.getUTCMonth()] ?? ''} ${cursor.getUTCFullYear()}`,
      from: monthFrom.toISOString().slice(0, 10),
      to: monthTo.toISOString().slice(0, 10),
    });
    cursor = next;
  }
  return months.slice(-24);
}
