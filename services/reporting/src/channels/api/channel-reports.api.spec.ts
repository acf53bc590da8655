import { describeChannelReportsApi } from './channel-reports.api-cases';

describeChannelReportsApi('sqlite');
