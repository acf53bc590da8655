export { ChannelReportsController } from './api/channel-reports.controller';
export { channelReportProblems } from './api/channel-reports.problems';
export { ChannelReports } from './application/channel-reports';
