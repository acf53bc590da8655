/**
 * The leads service's integration events as reporting reads them (libs/contracts holds their schemas; the consumer
 * validates every record against them before a projection sees it).
 */
export interface Money {
  amount: number;
  currency: string;
}

export interface ProductLine {
  productId: string;
  quantity: number;
}

export const leadsEventTypes = {
  leadCaptured: 'salesos.leads.LeadCaptured.v1',
  leadQualified: 'salesos.leads.LeadQualified.v1',
  leadDisqualified: 'salesos.leads.LeadDisqualified.v1',
  leadAssigned: 'salesos.leads.LeadAssigned.v1',
  leadConverted: 'salesos.leads.LeadConverted.v1',
  opportunityOpened: 'salesos.leads.OpportunityOpened.v1',
  opportunityStageChanged: 'salesos.leads.OpportunityStageChanged.v1',
  opportunityForecastRevised: 'salesos.leads.OpportunityForecastRevised.v1',
  opportunityProductsChanged: 'salesos.leads.OpportunityProductsChanged.v1',
  opportunityChannelAttributed: 'salesos.leads.OpportunityChannelAttributed.v1',
  opportunityWon: 'salesos.leads.OpportunityWon.v1',
  opportunityLost: 'salesos.leads.OpportunityLost.v1',
  opportunityReopened: 'salesos.leads.OpportunityReopened.v1',
} as const;

export interface LeadCapturedData {
  leadId: string;
  divisionId: string;
  source: string;
  campaign?: string;
  companyName: string;
  territory?: string;
  segmentIds: string[];
  capturedAt: string;
}

export interface LeadAssignedData {
  leadId: string;
  divisionId: string;
  repId: string;
  previousRepId?: string;
  rule: string;
  /** Since contracts 1.3.0: the team a team rule chose the rep from. */
  teamId?: string;
  assignedAt: string;
}

export interface OpportunityOpenedData {
  opportunityId: string;
  divisionId: string;
  leadId?: string;
  accountName: string;
  pipelineId: string;
  stageId: string;
  probability: number;
  amount: Money;
  expectedCloseDate: string;
  products: ProductLine[];
  channel: 'direct' | 'dealer';
  dealerId?: string;
  ownerRepId?: string;
  openedAt: string;
}

export interface OpportunityStageChangedData {
  opportunityId: string;
  pipelineId: string;
  fromStage: string;
  toStage: string;
  probability: number;
  amount: Money;
  changedAt: string;
}

export interface OpportunityForecastRevisedData {
  opportunityId: string;
  amount: Money;
  expectedCloseDate: string;
  effectiveAt: string;
}

export interface OpportunityWonData {
  opportunityId: string;
  amount: Money;
  channel: 'direct' | 'dealer';
  dealerId?: string;
  wonAt: string;
}
