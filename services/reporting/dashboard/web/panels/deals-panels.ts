import { dealerDealsTable, dealsTable } from '../deals-table';
import { el } from '../dom';
import { count } from '../format';
import { Panel } from '../panel';
import type { DealerDealsReport, DealsPage } from '../reports';
import { dealsHref } from '../route';
import type { ViewContext } from '../view-context';

/** The open deals in the caller's reach that close first, with a link to all of them. */
export function openDealsPanel(context: ViewContext, title: string): Panel {
  const panel = new Panel('open-deals', title, 'The open deals due to close first.');
  void panel.fill(
    () => context.api.get<DealsPage>('/reports/deals', { status: 'open', pageSize: 10 }),
    (page) => {
      if (page.total === 0) return { empty: 'No deal is open.' };
      return [
        dealsTable(`The first ${page.items.length} of ${page.total} open deals`, page.items),
        el(
          'p',
          {},
          el(
            'a',
            { href: dealsHref(context.filters, title, { status: 'open' }) },
            `All ${count(page.total)} open deals`,
          ),
        ),
      ];
    },
  );
  return panel;
}

/** A dealer's deals of the period, each with the tier the dealer held at its date. */
export function dealerDealsPanel(context: ViewContext, dealerId: string): Panel {
  const { from, to } = context.filters;
  const panel = new Panel(
    'dealer-deals',
    `Deals of ${dealerId}`,
    `Deals won or lost from ${from} to before ${to}, and those opened in it that are still open, each with the ` +
      "dealer's tier on the day it closed (or opened).",
  );
  void panel.fill(
    () => context.api.get<DealerDealsReport>(`/reports/dealers/${encodeURIComponent(dealerId)}/deals`, { from, to }),
    (report) =>
      report.deals.length === 0
        ? { empty: 'This dealer has no deal in this period.' }
        : [dealerDealsTable(`${report.deals.length} deals`, report.deals)],
  );
  return panel;
}
