export { PipelineReportsController } from './api/pipeline-reports.controller';
export { PipelineReports } from './application/pipeline-reports';
