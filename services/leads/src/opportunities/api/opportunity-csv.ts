import type { OpportunitySummary } from '../application/opportunity-board.port';

/** The export's columns, one row per opportunity; products as productId x quantity, separated by ';'. */
export const opportunityCsvColumns = [
  'opportunity_id',
  'status',
  'account_name',
  'pipeline_id',
  'stage_id',
  'probability',
  'amount',
  'currency',
  'expected_close_date',
  'channel',
  'dealer_id',
  'owner_rep_id',
  'lead_id',
  'products',
  'opened_at',
  'closed_at',
  'loss_reason',
];

export function opportunityCsvRow(opportunity: OpportunitySummary): Array<string | number | undefined> {
  return [
    opportunity.opportunityId,
    opportunity.status,
    opportunity.accountName,
    opportunity.pipelineId,
    opportunity.stageId,
    opportunity.probability,
    opportunity.amount.amount,
    opportunity.amount.currency,
    opportunity.expectedCloseDate,
    opportunity.channel.kind,
    opportunity.channel.kind === 'dealer' ? opportunity.channel.dealerId : undefined,
    opportunity.ownerRepId,
    opportunity.leadId,
    opportunity.products.map((line) => `${line.productId}x${line.quantity}`).join(';'),
    opportunity.openedAt,
    opportunity.closedAt,
    opportunity.lossReason,
  ];
}
