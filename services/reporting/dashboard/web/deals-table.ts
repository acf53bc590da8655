import { table } from './dom';
import { day, label, money } from './format';
import type { Deal, DealerDeal } from './reports';

export function dealsTable(caption: string, deals: readonly Deal[]): HTMLElement {
  const rendered = table(
    caption,
    ['Customer', 'Status', 'Pipeline', 'Stage', 'Amount', 'Owner', 'Expected close', 'Opened', 'Closed'],
    deals.map((deal) => [
      deal.accountName,
      deal.status,
      label(deal.pipelineId),
      label(deal.stageId),
      money({ [deal.currency]: deal.amount }),
      deal.ownerRepId ?? (deal.dealerId === undefined ? '–' : `dealer ${deal.dealerId}`),
      day(deal.expectedCloseDate),
      day(deal.openedAt),
      day(deal.closedAt),
    ]),
  );
  rendered.querySelectorAll('tbody tr').forEach((row, index) => {
    const deal = deals[index];
    if (deal !== undefined) row.setAttribute('data-deal', deal.opportunityId);
  });
  return rendered;
}

export function dealerDealsTable(caption: string, deals: readonly DealerDeal[]): HTMLElement {
  const rendered = table(
    caption,
    ['Customer', 'Status', 'Amount', 'Tier at the time', 'Opened', 'Closed'],
    deals.map((deal) => [
      deal.accountName,
      deal.status,
      money({ [deal.amount.currency]: deal.amount.amount }),
      deal.tierId ?? '–',
      day(deal.openedAt),
      day(deal.closedAt),
    ]),
  );
  rendered.querySelectorAll('tbody tr').forEach((row, index) => {
    const deal = deals[index];
    if (deal !== undefined) row.setAttribute('data-deal', deal.opportunityId);
  });
  return rendered;
}
