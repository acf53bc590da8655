/** The reporting service's answers, as far as the dashboard reads them (see services/reporting/openapi.json). */
export type ByCurrency = Record<string, number>;

export interface StageFigures {
  pipelineId: string;
  stageId: string;
  probability: number;
  count: number;
  value: ByCurrency;
  weightedValue: ByCurrency;
}

export interface PipelineReport {
  asOf?: string;
  basis?: 'known' | 'believed';
  stages: StageFigures[];
  deals: number;
}

export interface OutcomesReport {
  won: number;
  lost: number;
  winRate?: number;
  wonValue: ByCurrency;
  averageDealSize: ByCurrency;
  medianSalesCycleDays?: number;
  pipelineVelocityPerDay: ByCurrency;
  openDeals: number;
}

export interface StageDwell {
  pipelineId: string;
  stageId: string;
  exits: number;
  averageDays: number;
  medianDays: number;
  forward: number;
  backward: number;
  won: number;
  lost: number;
}

export interface StagesReport {
  dwell: StageDwell[];
  bottlenecks: Array<{ pipelineId: string; stageId: string; medianDays: number; exits: number }>;
}

export interface CustomerFigures {
  accountName: string;
  deals: number;
  value: ByCurrency;
}

export interface KeyCustomersReport {
  byWonValue: CustomerFigures[];
  byOpenPipeline: CustomerFigures[];
}

export interface FunnelFigures {
  group: string;
  captured: number;
  qualified: number;
  converted: number;
  won: number;
  qualificationRate?: number;
  conversionRate?: number;
  wonPerConverted?: number;
  leadToWinRate?: number;
  wonValue: ByCurrency;
}

export interface FunnelReport {
  groups: FunnelFigures[];
}

export interface RegistrationFigures {
  submitted: number;
  accepted: number;
  conflicted: number;
  awaitingAnswer: number;
  won: number;
  lost: number;
  lapsed: number;
  open: number;
  winRate: number | null;
}

export interface ChannelFigures {
  channelId: string;
  won: number;
  lost: number;
  winRate: number | null;
  revenueWon: ByCurrency;
  openDeals: number;
  openPipeline: ByCurrency;
  registrations: RegistrationFigures;
}

export interface ChannelsReport {
  channels: ChannelFigures[];
}

export interface DealerFigures extends Omit<ChannelFigures, 'channelId'> {
  dealerId: string;
  channelId: string | null;
  companyName: string | null;
  status: string | null;
  plan: { periods: string[]; value: ByCurrency; units: number } | null;
  attainment: number | null;
  wonByTier: Array<{ tierId: string; deals: number; revenueWon: ByCurrency }>;
}

export interface DealersReport {
  dealers: DealerFigures[];
}

export interface Deal {
  opportunityId: string;
  accountName: string;
  ownerRepId?: string;
  pipelineId: string;
  stageId: string;
  amount: number;
  currency: string;
  expectedCloseDate: string;
  channel: string;
  dealerId?: string;
  status: 'open' | 'won' | 'lost';
  openedAt: string;
  closedAt?: string;
  source?: string;
}

export interface DealsPage {
  items: Deal[];
  page: number;
  pageSize: number;
  total: number;
}

export interface DealerDeal {
  opportunityId: string;
  accountName: string;
  status: 'open' | 'won' | 'lost';
  amount: { amount: number; currency: string };
  openedAt: string;
  closedAt: string | null;
  tierId: string | null;
}

export interface DealerDealsReport {
  dealerId: string;
  deals: DealerDeal[];
}

export interface Division {
  divisionId: string;
  name: string;
}
