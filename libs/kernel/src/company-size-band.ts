import type { Static } from '@sinclair/typebox';
import { oneOf } from './text';

export const companySizeBands = ['micro', 'small', 'mid', 'large', 'enterprise'] as const;

/** How big a customer is, in the bands segments and scoring use. */
export const CompanySizeBand = oneOf(companySizeBands);
export type CompanySizeBand = Static<typeof CompanySizeBand>;
