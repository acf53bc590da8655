import { colours } from '../charts';
import { type Child, el, figure, table } from '../dom';
import { count, label, mainAmount, mainCurrency, money, percent } from '../format';
import { Panel } from '../panel';
import type { ChannelFigures, ChannelsReport, DealerFigures, DealersReport, RegistrationFigures } from '../reports';
import { dealsHref, href } from '../route';
import type { ViewContext } from '../view-context';

const registrationCells = (registrations: RegistrationFigures): Child[] => [
  count(registrations.submitted),
  count(registrations.accepted),
  count(registrations.won),
  count(registrations.lost),
  count(registrations.lapsed),
  percent(registrations.winRate),
];
const registrationHeadings = ['Registered', 'Accepted', 'Reg. won', 'Reg. lost', 'Lapsed', 'Reg. win rate'];

/** Deals and deal registrations per sales channel; direct opens its won deals, the dealer channels their dealers. */
export function channelsPanel(context: ViewContext): Panel {
  const { from, to } = context.filters;
  const panel = new Panel(
    'channels',
    'Channels',
    `Deals won and lost from ${from} to before ${to}, open pipeline now, and the deal registrations dealers submitted ` +
      'in the period, where they stand now. Direct opens its won deals; a dealer channel, its dealers below.',
  );
  void panel.fill(
    () => context.api.get<ChannelsReport>('/reports/channels', { from, to }),
    ({ channels }) => {
      if (channels.length === 0) return { empty: 'No deal or registration in any channel in this period.' };
      const currency = mainCurrency(channels.map((channel) => channel.revenueWon)) ?? '';
      const wonLink = (channel: ChannelFigures): Child =>
        channel.channelId === 'direct' && channel.won > 0
          ? el(
              'a',
              {
                href: dealsHref(context.filters, 'Direct deals won in the period', {
                  channel: 'direct',
                  status: 'won',
                  from,
                  to,
                }),
              },
              count(channel.won),
            )
          : count(channel.won);
      return [
        panel.chart({
          kind: 'bar',
          description: `Bar chart of the revenue won in ${currency} by channel; the table below lists the figures.`,
          labels: channels.map((channel) => label(channel.channelId)),
          series: [
            {
              label: `Revenue won (${currency})`,
              data: channels.map((channel) => mainAmount(channel.revenueWon)),
              colour: colours.blue,
            },
          ],
        }),
        table(
          'Channels',
          ['Channel', 'Won', 'Lost', 'Win rate', 'Revenue won', 'Open deals', 'Open pipeline', ...registrationHeadings],
          channels.map((channel) => [
            label(channel.channelId),
            wonLink(channel),
            count(channel.lost),
            percent(channel.winRate),
            money(channel.revenueWon),
            count(channel.openDeals),
            money(channel.openPipeline),
            ...registrationCells(channel.registrations),
          ]),
        ),
      ];
    },
  );
  return panel;
}

const dealerName = (dealer: DealerFigures): string => dealer.companyName ?? dealer.dealerId;

/**
 * Per dealer: deals, plan and attainment for the plans inside the period, registrations. A dealer's user sees their
 * own dealer only, as the report answers them; a dealer opens their deals.
 */
export function dealersPanel(context: ViewContext): Panel {
  const { from, to } = context.filters;
  const own = context.session.dealerId !== undefined;
  const panel = new Panel(
    'dealers',
    own ? 'Your deals, plan and registrations' : 'Dealers',
    `Deals won and lost from ${from} to before ${to}; the plans whose period lies inside it and their attainment ` +
      '(revenue won over plan); the deal registrations submitted in it. Pick a dealer to see its deals.',
  );
  void panel.fill(
    () => context.api.get<DealersReport>('/reports/dealers', { from, to }),
    ({ dealers }) => {
      if (dealers.length === 0) return { empty: 'No dealer sells in this division yet.' };
      const deals = (dealer: DealerFigures) =>
        href({ page: 'dealer-deals', filters: context.filters, dealerId: dealer.dealerId });
      const single = dealers.length === 1 ? dealers[0] : undefined;
      return [
        single === undefined
          ? null
          : el(
              'dl',
              { class: 'figures' },
              figure('Revenue won', money(single.revenueWon), 'revenue-won'),
              figure('Plan', single.plan === null ? 'No plan for this period' : money(single.plan.value), 'plan'),
              figure('Attainment', percent(single.attainment), 'attainment'),
              figure('Win rate', percent(single.winRate), 'win-rate'),
              figure('Registrations', count(single.registrations.submitted), 'registrations'),
              figure('Registrations won', count(single.registrations.won), 'registrations-won'),
            ),
        panel.chart({
          kind: 'bar',
          description: 'Bar chart of the revenue won and the plan by dealer; the table below lists the figures.',
          labels: dealers.map(dealerName),
          series: [
            {
              label: 'Revenue won',
              data: dealers.map((dealer) => mainAmount(dealer.revenueWon)),
              colour: colours.green,
            },
            {
              label: 'Plan',
              data: dealers.map((dealer) => (dealer.plan === null ? null : mainAmount(dealer.plan.value))),
              colour: colours.blue,
            },
          ],
          onPick: (index) => {
            const dealer = dealers[index];
            if (dealer !== undefined) context.go(deals(dealer));
          },
        }),
        table(
          own ? 'Your dealer' : 'Dealers',
          ['Dealer', 'Channel', 'Status', 'Won', 'Lost', 'Revenue won', 'Plan', 'Attainment', ...registrationHeadings],
          dealers.map((dealer) => [
            el('a', { href: deals(dealer), 'data-dealer': dealer.dealerId }, dealerName(dealer)),
            label(dealer.channelId ?? '–'),
            dealer.status ?? '–',
            count(dealer.won),
            count(dealer.lost),
            money(dealer.revenueWon),
            dealer.plan === null ? '–' : money(dealer.plan.value),
            percent(dealer.attainment),
            ...registrationCells(dealer.registrations),
          ]),
        ),
      ];
    },
  );
  return panel;
}
