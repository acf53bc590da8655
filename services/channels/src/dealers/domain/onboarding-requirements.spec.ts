import { dealerChannelKinds } from '../../core/domain/channel-kind';
import { onboardingRequirements } from './onboarding-requirements';

describe('onboarding requirements', () => {
  it.each(dealerChannelKinds)(
    'ask a %s for the company documents, trained people and a first order, each once',
    (kind) => {
      const checklist = onboardingRequirements(kind);
      const ids = checklist.map((item) => item.requirementId);
      expect(ids).toEqual(expect.arrayContaining(['trade-register-extract', 'signed-agreement', 'bank-details']));
      expect(ids).toContain('first-order');
      expect(checklist.some((item) => item.category === 'people')).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  it('differ by channel kind', () => {
    expect(onboardingRequirements('distributor').map((item) => item.requirementId)).toContain('credit-check');
    expect(onboardingRequirements('retail').map((item) => item.requirementId)).toContain('point-of-sale-display');
    expect(onboardingRequirements('dealer').find((item) => item.category === 'people')?.label).toBe(
      'At least 2 certified salespeople',
    );
  });

  it('hand out a copy, so a caller cannot change the lists', () => {
    const first = onboardingRequirements('dealer');
    first[0]!.label = 'changed';
    expect(onboardingRequirements('dealer')[0]?.label).not.toBe('changed');
  });
});
