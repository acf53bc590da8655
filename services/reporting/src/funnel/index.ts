export { FunnelReportsController } from './api/funnel-reports.controller';
export { FunnelReports } from './application/funnel-reports';
