import { describeFunnelReportsApi } from './funnel-reports.api-cases';

describeFunnelReportsApi('postgres');
