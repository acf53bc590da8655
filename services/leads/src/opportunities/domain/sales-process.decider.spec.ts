import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import { defaultLossReasons, defaultPipelines, defaultWonReasons, type PipelineDefinition } from './pipeline';
import {
  type DefinePipeline,
  defaultSalesProcess,
  type SalesProcessEvent,
  SalesProcessError,
  SalesProcessErrorCode,
  salesProcessDecider,
  type SetOpportunityReasons,
} from './sales-process.decider';

const now = '2026-02-01T00:00:00.000Z';
const metadata = { commandId: 'c', now, divisionId: 'north' };
const define = (pipeline: PipelineDefinition, openDealsByStage: Record<string, number> = {}): DefinePipeline => ({
  type: 'DefinePipeline',
  data: { divisionId: 'north', pipeline, openDealsByStage },
  metadata,
});
const reasons = (wonReasons: string[], lossReasons: string[]): SetOpportunityReasons => ({
  type: 'SetOpportunityReasons',
  data: { divisionId: 'north', wonReasons, lossReasons },
  metadata,
});
const service: PipelineDefinition = {
  pipelineId: 'service-contracts',
  name: 'Service contracts',
  stages: [
    { stageId: 'offer', name: 'Offer', probability: 0.3 },
    { stageId: 'signature', name: 'Signature', probability: 0.8 },
  ],
};
const defined = (pipeline: PipelineDefinition): SalesProcessEvent => ({
  type: 'PipelineDefined',
  data: { divisionId: 'north', pipeline, definedAt: now },
});
const newBusiness = defaultPipelines[0] as PipelineDefinition;
const spec = DeciderSpecification.for(salesProcessDecider);

describe('sales process decider', () => {
  it("starts as the defaults every division shares: today's pipelines, won and loss reasons", () => {
    expect(salesProcessDecider.initialState()).toEqual({
      pipelines: defaultPipelines,
      wonReasons: defaultWonReasons,
      lossReasons: defaultLossReasons,
    });
  });

  it('defines a new pipeline beside the defaults, and replaces one by its id', () => {
    spec
      .given([])
      .when(define(service))
      .then([defined(service)]);
    expect(salesProcessDecider.evolve(defaultSalesProcess, defined(service)).pipelines).toEqual([
      ...defaultPipelines,
      service,
    ]);
    const shorter = { ...newBusiness, stages: newBusiness.stages.slice(0, 3) };
    spec
      .given([])
      .when(define(shorter))
      .then([defined(shorter)]);
    const replaced = salesProcessDecider.evolve(defaultSalesProcess, defined(shorter));
    expect(replaced.pipelines.map((pipeline) => pipeline.pipelineId)).toEqual([
      'new-business',
      'upsell',
      'dealer-sourced',
    ]);
    expect(replaced.pipelines[0]).toEqual(shorter);
  });

  it('does nothing when the pipeline is defined as it is', () => {
    spec
      .given([defined(service)])
      .when(define(service))
      .thenNothingHappens();
    spec.given([]).when(define(newBusiness)).thenNothingHappens();
  });

  it('refuses a stage id listed twice, naming the stage field', () => {
    const twice = {
      ...service,
      stages: [...service.stages, { stageId: 'offer', name: 'Offer again', probability: 0.9 }],
    };
    spec
      .given([])
      .when(define(twice))
      .thenThrows(SalesProcessError, { code: SalesProcessErrorCode.DuplicateStage, field: 'stages[2].stageId' });
  });

  it('refuses a probability outside 0 to 1 and a pipeline without stages', () => {
    for (const probability of [-0.1, 1.01, Number.NaN]) {
      const bad = { ...service, stages: [service.stages[0]!, { stageId: 'x', name: 'X', probability }] };
      spec.given([]).when(define(bad)).thenThrows(SalesProcessError, {
        code: SalesProcessErrorCode.ProbabilityOutOfRange,
        field: 'stages[1].probability',
      });
    }
    spec
      .given([])
      .when(define({ ...service, stages: [] }))
      .thenThrows(SalesProcessError, { code: SalesProcessErrorCode.NoStages, field: 'stages' });
  });

  it('refuses to remove a stage that open deals are in, naming it; a stage without open deals may go', () => {
    const withoutCommit = { ...newBusiness, stages: newBusiness.stages.filter((stage) => stage.stageId !== 'commit') };
    spec
      .given([])
      .when(define(withoutCommit, { commit: 2, proposal: 5 }))
      .thenThrows(SalesProcessError, {
        code: SalesProcessErrorCode.StageInUse,
        message: expect.stringContaining("Stage 'commit'") as unknown,
      });
    spec
      .given([])
      .when(define(withoutCommit, { proposal: 5, commit: 0 }))
      .then([defined(withoutCommit)]);
    // Renaming or re-weighing a stage in use keeps it.
    const reweighed = {
      ...newBusiness,
      stages: newBusiness.stages.map((stage) => (stage.stageId === 'commit' ? { ...stage, probability: 0.95 } : stage)),
    };
    spec
      .given([])
      .when(define(reweighed, { commit: 2 }))
      .then([defined(reweighed)]);
  });

  it('sets the won and loss reasons as a whole, and does nothing for the same lists', () => {
    spec
      .given([])
      .when(reasons(['relationship'], ['price', 'timing']))
      .then([
        {
          type: 'OpportunityReasonsSet',
          data: { divisionId: 'north', wonReasons: ['relationship'], lossReasons: ['price', 'timing'], setAt: now },
        },
      ]);
    spec
      .given([])
      .when(reasons([...defaultWonReasons], [...defaultLossReasons]))
      .thenNothingHappens();
    // No won reasons at all is a choice: wins then take none.
    spec
      .given([])
      .when(reasons([], ['price']))
      .then([
        {
          type: 'OpportunityReasonsSet',
          data: { divisionId: 'north', wonReasons: [], lossReasons: ['price'], setAt: now },
        },
      ]);
  });

  it('refuses a reason listed twice and an empty list of loss reasons, naming the field', () => {
    spec
      .given([])
      .when(reasons(['price', 'service', 'price'], ['timing']))
      .thenThrows(SalesProcessError, { code: SalesProcessErrorCode.DuplicateReason, field: 'wonReasons[2]' });
    spec
      .given([])
      .when(reasons([], ['timing', 'timing']))
      .thenThrows(SalesProcessError, { code: SalesProcessErrorCode.DuplicateReason, field: 'lossReasons[1]' });
    spec
      .given([])
      .when(reasons(['price'], []))
      .thenThrows(SalesProcessError, { code: SalesProcessErrorCode.NoLossReasons, field: 'lossReasons' });
  });
});
