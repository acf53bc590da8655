import type { DealerSummary } from '../application/dealer-list.port';

/** The columns of the dealer export, in order. */
export const dealerCsvColumns = [
  'dealer_id',
  'company_name',
  'status',
  'channel_id',
  'channel_kind',
  'contact_email',
  'territories',
  'product_groups',
  'applied_at',
] as const;

/** One dealer as a row of the export; lists are joined with semicolons. */
export function dealerCsvRow(dealer: DealerSummary): string[] {
  return [
    dealer.dealerId,
    dealer.companyName,
    dealer.status,
    dealer.channelId,
    dealer.channelKind,
    dealer.contactEmail,
    dealer.territories.join(';'),
    dealer.productGroups.join(';'),
    dealer.appliedAt,
  ];
}
