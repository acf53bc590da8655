import { describePipelineReportsApi } from './pipeline-reports.api-cases';

describePipelineReportsApi('sqlite');
