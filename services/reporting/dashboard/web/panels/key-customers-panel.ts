import { colours } from '../charts';
import { el, table } from '../dom';
import { count, mainAmount, mainCurrency, money } from '../format';
import { Panel } from '../panel';
import type { CustomerFigures, KeyCustomersReport } from '../reports';
import type { ViewContext } from '../view-context';

/** The accounts that bought the most in the period, and those with the most in the pipeline now. */
export function keyCustomersPanel(context: ViewContext): Panel {
  const { from, to } = context.filters;
  const panel = new Panel(
    'key-customers',
    'Key customers',
    `Won value from ${from} to before ${to}, and open pipeline now. The deals report takes no customer yet, so ` +
      'a customer has no list of deals behind it here.',
  );
  void panel.fill(
    () => context.api.get<KeyCustomersReport>('/reports/key-customers', { from, to, limit: 10 }),
    (report) => {
      if (report.byWonValue.length === 0 && report.byOpenPipeline.length === 0) {
        return { empty: 'No customer has won or open deals in this period.' };
      }
      const rows = (customers: CustomerFigures[]) =>
        customers.map((customer) => [customer.accountName, count(customer.deals), money(customer.value)]);
      const currency = mainCurrency(report.byWonValue.map((customer) => customer.value)) ?? '';
      return [
        report.byWonValue.length === 0
          ? el('p', {}, 'No deal was won in this period.')
          : panel.chart({
              kind: 'bar',
              horizontal: true,
              description: `Bar chart of the won value in ${currency} of the top customers; the tables below list the figures.`,
              labels: report.byWonValue.map((customer) => customer.accountName),
              series: [
                {
                  label: `Won value (${currency})`,
                  data: report.byWonValue.map((customer) => mainAmount(customer.value)),
                  colour: colours.green,
                },
              ],
            }),
        el(
          'div',
          { class: 'side-by-side' },
          table('By won value in the period', ['Customer', 'Deals', 'Won value'], rows(report.byWonValue)),
          table('By open pipeline now', ['Customer', 'Deals', 'Open value'], rows(report.byOpenPipeline)),
        ),
      ];
    },
  );
  return panel;
}
