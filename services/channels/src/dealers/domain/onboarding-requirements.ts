import { type Static, Type } from '@sinclair/typebox';
import { Id, oneOf, text } from '@salesos/kernel';
import type { DealerChannelKind } from '../../core/domain/channel-kind';

export const requirementCategories = ['document', 'check', 'people', 'order'] as const;

/** One item of an onboarding checklist: what must be shown before the dealer may sell. */
export const OnboardingRequirement = Type.Object({
  requirementId: Id,
  category: oneOf(requirementCategories),
  label: text(1, 200),
});
export type OnboardingRequirement = Static<typeof OnboardingRequirement>;

const requirement = (
  requirementId: string,
  category: OnboardingRequirement['category'],
  label: string,
): OnboardingRequirement => ({ requirementId, category, label });

/** Every participant is a company we pay and contract with: who it is, what it signed, where money goes. */
const documents: readonly OnboardingRequirement[] = [
  requirement('trade-register-extract', 'document', 'Trade register extract, at most three months old'),
  requirement('signed-agreement', 'document', 'Cooperation agreement signed by both sides'),
  requirement('bank-details', 'document', 'Bank details for rebates and fund payments, confirmed by the bank'),
];

const firstOrder = requirement('first-order', 'order', 'First order placed');

/**
 * Why these lists:
 * - a dealer sells to end customers and advises them, so it needs people who know the products (two, so that a
 *   holiday or a resignation does not leave the customers alone), and a first order shows it really stocks them;
 * - a distributor buys large volumes on payment terms and resells to dealers: its credit is checked, one certified
 *   product specialist is enough to train its dealers, and its first order is a stocking order;
 * - a retailer sells off the shelf: one certified person per store would be ideal, but the checklist asks for one
 *   at least, plus the point-of-sale display that carries the brand, and a first order to fill the shelf.
 */
const byKind: Readonly<Record<DealerChannelKind, readonly OnboardingRequirement[]>> = {
  dealer: [
    ...documents,
    requirement('certified-salespeople', 'people', 'At least 2 certified salespeople'),
    firstOrder,
  ],
  distributor: [
    ...documents,
    requirement('credit-check', 'check', 'Credit check passed for the agreed payment terms'),
    requirement('certified-product-specialist', 'people', 'At least 1 certified product specialist to train dealers'),
    requirement('first-order', 'order', 'First stocking order placed'),
  ],
  retail: [
    ...documents,
    requirement('certified-salespeople', 'people', 'At least 1 certified salesperson'),
    requirement('point-of-sale-display', 'check', 'Point-of-sale display set up and photographed'),
    firstOrder,
  ],
};

/**
 * The onboarding checklist of a channel kind. It is copied into the approval event, so a later change of these
 * lists never rewrites the checklist a dealer was approved with.
 */
export function onboardingRequirements(channelKind: DealerChannelKind): OnboardingRequirement[] {
  return byKind[channelKind].map((item) => ({ ...item }));
}
