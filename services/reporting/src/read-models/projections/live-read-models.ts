import type { ReadModelWriter } from '../application/read-model-writer.port';
import { shareLiveTables } from './read-models-lock';
import { applyLive, projectedTypes } from './reporting-projections';

/** The projections over the live tables, as the live consumer feeds them. */
export const liveReadModels: ReadModelWriter = { types: projectedTypes, guard: shareLiveTables, apply: applyLive };
