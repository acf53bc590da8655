import { type Query, withQuery } from './api';

/** What every view is narrowed to: the division acted in, the period of the period reports, the pipeline's instant. */
export interface Filters {
  division: string | undefined;
  /** First day of the period, `YYYY-MM-DD` (UTC). */
  from: string;
  /** The day the period ends before (exclusive). */
  to: string;
  /** The pipeline as it stood at the end of this day (UTC); now when undefined. */
  asOf: string | undefined;
}

/** Where the person is: the view of their role, the deals behind a figure, or one dealer's deals. */
export type Route =
  | { page: 'dashboard'; filters: Filters }
  | { page: 'deals'; filters: Filters; title: string; deals: Query; pageNumber: number }
  | { page: 'dealer-deals'; filters: Filters; dealerId: string };

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
/** The filters of the deals report a drill-down may carry; anything else in the address is ignored. */
const dealFilters = ['status', 'stageId', 'pipelineId', 'source', 'channel', 'dealerId', 'from', 'to'];

const dayOr = (value: string | null, fallback: string): string =>
  value !== null && dayPattern.test(value) ? value : fallback;

/** The period a view opens with: the current calendar year (UTC), the span of plans and most targets. */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const year = now.getUTCFullYear();
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The instant the as-of pipeline is read at: the end of the day picked (UTC). */
export function endOfDay(dayText: string): string {
  const next = new Date(`${dayText}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(search);
  const period = defaultPeriod();
  const asOf = params.get('asOf');
  const filters: Filters = {
    division: params.get('division') ?? undefined,
    from: dayOr(params.get('from'), period.from),
    to: dayOr(params.get('to'), period.to),
    asOf: asOf !== null && dayPattern.test(asOf) ? asOf : undefined,
  };
  const dealer = /^dealers\/([A-Za-z0-9][A-Za-z0-9_.:@-]{0,99})\/deals$/.exec(path);
  if (dealer?.[1] !== undefined) return { page: 'dealer-deals', filters, dealerId: dealer[1] };
  if (path === 'deals') {
    const deals: Query = {};
    for (const name of dealFilters) {
      const value = params.get(`deal.${name}`);
      if (value !== null) deals[name] = value;
    }
    const pageNumber = Number(params.get('page') ?? '1');
    return {
      page: 'deals',
      filters,
      title: params.get('title') ?? 'Deals',
      deals,
      pageNumber: Number.isInteger(pageNumber) && pageNumber > 0 ? pageNumber : 1,
    };
  }
  return { page: 'dashboard', filters };
}

function filterQuery(filters: Filters): Query {
  return { division: filters.division, from: filters.from, to: filters.to, asOf: filters.asOf };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'dashboard':
      return withQuery('#/', filterQuery(route.filters));
    case 'dealer-deals':
      return withQuery(`#/dealers/${encodeURIComponent(route.dealerId)}/deals`, filterQuery(route.filters));
    case 'deals': {
      const deals = Object.fromEntries(Object.entries(route.deals).map(([name, value]) => [`deal.${name}`, value]));
      return withQuery('#/deals', {
        ...filterQuery(route.filters),
        title: route.title,
        ...deals,
        page: route.pageNumber === 1 ? undefined : route.pageNumber,
      });
    }
  }
}

/** A link to the deals behind a figure, with the words that say which deals they are. */
export function dealsHref(filters: Filters, title: string, deals: Query): string {
  return href({ page: 'deals', filters, title, deals, pageNumber: 1 });
}
