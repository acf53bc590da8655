export interface PipelineStage {
  stageId: string;
  name: string;
  /** Likelihood of winning from this stage, 0 to 1; weighted pipeline value = amount x probability. */
  probability: number;
}

export interface PipelineDefinition {
  pipelineId: string;
  name: string;
  /** In order: moving to a later stage is forward, to an earlier one backward. */
  stages: PipelineStage[];
}

const stage = (stageId: string, name: string, probability: number): PipelineStage => ({ stageId, name, probability });

/** The pipelines every division starts with. */
export const defaultPipelines: readonly PipelineDefinition[] = [
  {
    pipelineId: 'new-business',
    name: 'New business',
    stages: [
      stage('prospecting', 'Prospecting', 0.1),
      stage('qualification', 'Qualification', 0.2),
      stage('proposal', 'Proposal', 0.5),
      stage('negotiation', 'Negotiation', 0.75),
      stage('commit', 'Commit', 0.9),
    ],
  },
  {
    pipelineId: 'upsell',
    name: 'Upsell',
    stages: [stage('discovery', 'Discovery', 0.3), stage('proposal', 'Proposal', 0.6), stage('commit', 'Commit', 0.9)],
  },
  {
    pipelineId: 'dealer-sourced',
    name: 'Dealer-sourced',
    stages: [
      stage('registered', 'Deal registered', 0.2),
      stage('joint-proposal', 'Joint proposal', 0.5),
      stage('dealer-commit', 'Dealer commit', 0.85),
    ],
  },
];

/** The reasons a deal is lost for, in every division that has not set its own. */
export const defaultLossReasons: readonly string[] = [
  'price',
  'competitor',
  'no-decision',
  'timing',
  'product-fit',
  'budget',
];

/** The reasons a deal is won for, in every division that has not set its own; giving one is optional. */
export const defaultWonReasons: readonly string[] = ['product-fit', 'price', 'relationship', 'service', 'references'];

export function stageIndex(pipeline: PipelineDefinition, stageId: string): number {
  return pipeline.stages.findIndex((candidate) => candidate.stageId === stageId);
}
