import { describePipelineAsOfApi } from './pipeline-as-of.api-cases';

describePipelineAsOfApi('postgres');
