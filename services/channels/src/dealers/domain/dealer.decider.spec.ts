import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { ApplyAsDealer, DealerCommand } from './dealer.commands';
import { type Dealer, dealerDecider, type DealerState, isDealerUser, openRequirements } from './dealer.decider';
import { DealerError, DealerErrorCode } from './dealer.errors';
import { type DealerEvent, dealerEvents } from './dealer.events';
import { onboardingRequirements } from './onboarding-requirements';

const now = '2026-03-10T12:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends DealerCommand>(type: C['type'], data: C['data'], meta: CommandMetadata = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const ids = { dealerId: 'd-1', divisionId: 'north' };
const spec = DeciderSpecification.for(dealerDecider);

const application: ApplyAsDealer['data'] & { channelKind: 'dealer' } = {
  ...ids,
  companyName: 'Nordbau GmbH',
  contactEmail: 'sales@nordbau.example',
  channelId: 'ch-dealers',
  channelKind: 'dealer',
  territories: ['north', 'east'],
  productGroups: ['presses', 'spare-parts'],
  appliedBy: 'mgr-1',
};
const apply = (changes: Partial<ApplyAsDealer['data']> = {}) =>
  command('ApplyAsDealer', { ...application, ...changes });
const approve = () => command('ApproveApplication', {});
const reject = (reason = 'no service workshop') => command('RejectApplication', { reason });
const tick = (requirementId: string, extra: { evidenceUrl?: string; evidence?: string } = {}) =>
  command('TickRequirement', { requirementId, evidence: 'seen', tickedBy: 'mgr-2', ...extra });
const activate = () => command('ActivateDealer', {});
const suspend = (reason = 'unpaid invoices') => command('SuspendDealer', { reason });
const reinstate = () => command('ReinstateDealer', {});
const terminate = (effectiveDay = '2026-06-30', reason = 'left the market') =>
  command('TerminateDealer', { reason, effectiveDay });
const addUser = (userId = 'u-1') => command('AddDealerUser', { userId });
const removeUser = (userId = 'u-1') => command('RemoveDealerUser', { userId });

const checklist = onboardingRequirements('dealer');
const requirementIds = checklist.map((item) => item.requirementId);
const applied: DealerEvent = { type: 'DealerApplied', data: { ...application, appliedAt: now } };
const approved: DealerEvent = {
  type: 'DealerApplicationApproved',
  data: { ...ids, requirements: checklist, approvedAt: now },
};
const rejected: DealerEvent = {
  type: 'DealerApplicationRejected',
  data: { ...ids, reason: 'no service workshop', rejectedAt: now },
};
const ticked = (requirementId: string): DealerEvent => ({
  type: 'OnboardingRequirementTicked',
  data: { ...ids, requirementId, evidence: 'seen', tickedBy: 'mgr-2', tickedAt: now },
});
const allTicked = requirementIds.map(ticked);
const activated: DealerEvent = {
  type: 'DealerActivated',
  data: { ...ids, channelId: 'ch-dealers', companyName: 'Nordbau GmbH', activatedAt: now },
};
const suspended: DealerEvent = {
  type: 'DealerSuspended',
  data: { ...ids, reason: 'unpaid invoices', suspendedAt: now },
};
const reinstated: DealerEvent = { type: 'DealerReinstated', data: { ...ids, reinstatedAt: now } };
const terminated: DealerEvent = {
  type: 'DealerTerminated',
  data: { ...ids, reason: 'left the market', effectiveDay: '2026-06-30', terminatedAt: now },
};
const userAdded = (userId = 'u-1'): DealerEvent => ({
  type: 'DealerUserAdded',
  data: { ...ids, userId, addedAt: now },
});
const userRemoved: DealerEvent = { type: 'DealerUserRemoved', data: { ...ids, userId: 'u-1', removedAt: now } };

/** The histories that leave the dealer in each state. */
const history = {
  applied: [applied],
  onboarding: [applied, approved],
  rejected: [applied, rejected],
  active: [applied, approved, ...allTicked, activated],
  suspended: [applied, approved, ...allTicked, activated, suspended],
  terminated: [applied, approved, ...allTicked, activated, terminated],
} satisfies Record<Dealer['status'], DealerEvent[]>;

const fold = (events: readonly DealerEvent[]): DealerState =>
  events.reduce((state, event) => dealerDecider.evolve(state, event), dealerDecider.initialState());
const code = (value: DealerErrorCode) => ({ code: value });
/** Refused because of the state, which the message names. */
const inState = (status: string) => (error: Error) =>
  (error as DealerError).code === DealerErrorCode.InvalidTransition &&
  (error as DealerError).status === status &&
  error.message.startsWith(`Dealer d-1 is ${status}:`);
const invalidField = (field: string) => (error: Error) =>
  (error as DealerError).code === DealerErrorCode.InvalidInput && (error as DealerError).field === field;

describe('dealer decider', () => {
  it('decides only events its schemas accept', () => {
    for (const event of [
      applied,
      approved,
      rejected,
      ...allTicked,
      activated,
      suspended,
      reinstated,
      terminated,
      userAdded(),
      userRemoved,
    ]) {
      expect(() => dealerEvents.check(event)).not.toThrow();
    }
  });

  describe('ApplyAsDealer', () => {
    it('records the application', () => {
      spec.given([]).when(apply()).then([applied]);
    });

    it.each(['dealer', 'distributor', 'retail'] as const)('accepts a %s channel', (channelKind) => {
      spec
        .given([])
        .when(apply({ channelKind }))
        .then([{ type: 'DealerApplied', data: { ...application, channelKind, appliedAt: now } }]);
    });

    it.each(['direct', 'online'] as const)('refuses a %s channel, naming channelKind', (channelKind) => {
      spec.given([]).when(apply({ channelKind })).thenThrows(DealerError, invalidField('channelKind'));
    });

    it.each([
      ['a territory', { territories: ['north', 'east', 'north'] }, 'territories[2]'],
      ['a product group', { productGroups: ['presses', 'presses'] }, 'productGroups[1]'],
    ])('refuses %s listed twice, naming its place', (_label, changes, field) => {
      spec.given([]).when(apply(changes)).thenThrows(DealerError, invalidField(field));
    });

    it('refuses a second application for the same dealer id', () => {
      spec
        .given(history.active)
        .when(apply())
        .thenThrows(
          DealerError,
          (error) =>
            (error as DealerError).code === DealerErrorCode.AlreadyExists &&
            error.message === 'Dealer d-1 already exists and is active',
        );
    });
  });

  describe('a command on a dealer that does not exist', () => {
    it.each([
      approve(),
      reject(),
      tick('bank-details'),
      activate(),
      suspend(),
      reinstate(),
      terminate(),
      addUser(),
      removeUser(),
    ])('refuses $type as not found', (refused) => {
      spec.given([]).when(refused).thenThrows(DealerError, code(DealerErrorCode.NotFound));
    });

    it("reports another division's dealer as not found", () => {
      spec
        .given(history.active)
        .when(command('SuspendDealer', { reason: 'x' }, { ...metadata, divisionId: 'south' }))
        .thenThrows(DealerError, code(DealerErrorCode.NotFound));
    });
  });

  describe('ApproveApplication', () => {
    it("opens the onboarding checklist of the dealer's channel kind", () => {
      spec.given(history.applied).when(approve()).then([approved]);
      const distributor: DealerEvent = {
        type: 'DealerApplied',
        data: { ...application, channelKind: 'distributor', appliedAt: now },
      };
      spec
        .given([distributor])
        .when(approve())
        .then([
          {
            type: 'DealerApplicationApproved',
            data: { ...ids, requirements: onboardingRequirements('distributor'), approvedAt: now },
          },
        ]);
    });

    it('changes nothing when the dealer is onboarding already', () => {
      spec.given(history.onboarding).when(approve()).thenNothingHappens();
    });

    it.each(['rejected', 'active', 'suspended', 'terminated'] as const)('is refused when %s', (status) => {
      spec.given(history[status]).when(approve()).thenThrows(DealerError, inState(status));
    });
  });

  describe('RejectApplication', () => {
    it('rejects the application with its reason', () => {
      spec.given(history.applied).when(reject()).then([rejected]);
    });

    it('changes nothing when rejected already', () => {
      spec.given(history.rejected).when(reject()).thenNothingHappens();
    });

    it.each(['onboarding', 'active', 'suspended', 'terminated'] as const)('is refused when %s', (status) => {
      spec.given(history[status]).when(reject()).thenThrows(DealerError, inState(status));
    });
  });

  describe('TickRequirement', () => {
    it('ticks a requirement with its evidence and who ticked it', () => {
      spec
        .given(history.onboarding)
        .when(tick('signed-agreement'))
        .then([ticked('signed-agreement')]);
    });

    it('keeps an evidence link', () => {
      spec
        .given(history.onboarding)
        .when(tick('bank-details', { evidenceUrl: 'https://files.example/bank.pdf' }))
        .then([
          {
            type: 'OnboardingRequirementTicked',
            data: {
              ...ids,
              requirementId: 'bank-details',
              evidence: 'seen',
              evidenceUrl: 'https://files.example/bank.pdf',
              tickedBy: 'mgr-2',
              tickedAt: now,
            },
          },
        ]);
    });

    it('changes nothing when ticked again, keeping the first evidence', () => {
      spec
        .given([...history.onboarding, ticked('signed-agreement')])
        .when(tick('signed-agreement', { evidence: 'other scan' }))
        .thenNothingHappens();
    });

    it("refuses a requirement that is not on the dealer's checklist, naming requirementId", () => {
      spec
        .given(history.onboarding)
        .when(tick('credit-check'))
        .thenThrows(
          DealerError,
          (error) => invalidField('requirementId')(error) && error.message.includes('first-order'),
        );
    });

    it.each(['ftp://files.example/x', 'not a link', 'javascript:alert(1)'])(
      'refuses the evidence link %s, naming evidenceUrl',
      (evidenceUrl) => {
        spec
          .given(history.onboarding)
          .when(tick('bank-details', { evidenceUrl }))
          .thenThrows(DealerError, invalidField('evidenceUrl'));
      },
    );

    it.each(['applied', 'rejected', 'active', 'suspended', 'terminated'] as const)('is refused when %s', (status) => {
      spec.given(history[status]).when(tick('bank-details')).thenThrows(DealerError, inState(status));
    });
  });

  describe('ActivateDealer', () => {
    it('activates the dealer once every requirement is ticked', () => {
      spec
        .given([...history.onboarding, ...allTicked])
        .when(activate())
        .then([activated]);
    });

    it('is refused while requirements are open, listing them', () => {
      spec
        .given([...history.onboarding, ticked('trade-register-extract'), ticked('bank-details')])
        .when(activate())
        .thenThrows(
          DealerError,
          (error) =>
            (error as DealerError).code === DealerErrorCode.RequirementsOpen &&
            JSON.stringify((error as DealerError).openRequirementIds) ===
              JSON.stringify(['signed-agreement', 'certified-salespeople', 'first-order']) &&
            error.message.includes('signed-agreement, certified-salespeople, first-order'),
        );
    });

    it('changes nothing when active already', () => {
      spec.given(history.active).when(activate()).thenNothingHappens();
    });

    it.each(['applied', 'rejected', 'suspended', 'terminated'] as const)('is refused when %s', (status) => {
      spec.given(history[status]).when(activate()).thenThrows(DealerError, inState(status));
    });
  });

  describe('SuspendDealer', () => {
    it('suspends an active dealer with its reason', () => {
      spec.given(history.active).when(suspend()).then([suspended]);
    });

    it('changes nothing when suspended already', () => {
      spec.given(history.suspended).when(suspend()).thenNothingHappens();
    });

    it.each(['applied', 'onboarding', 'rejected', 'terminated'] as const)('is refused when %s', (status) => {
      spec.given(history[status]).when(suspend()).thenThrows(DealerError, inState(status));
    });
  });

  describe('ReinstateDealer', () => {
    it('makes a suspended dealer active again', () => {
      spec.given(history.suspended).when(reinstate()).then([reinstated]);
      expect(fold([...history.suspended, reinstated])).toMatchObject({ status: 'active' });
      expect(fold([...history.suspended, reinstated])).not.toHaveProperty('suspensionReason');
    });

    it('changes nothing when active already', () => {
      spec
        .given([...history.suspended, reinstated])
        .when(reinstate())
        .thenNothingHappens();
    });

    it.each(['applied', 'onboarding', 'rejected', 'terminated'] as const)('is refused when %s', (status) => {
      spec.given(history[status]).when(reinstate()).thenThrows(DealerError, inState(status));
    });
  });

  describe('TerminateDealer', () => {
    it.each(['onboarding', 'active', 'suspended'] as const)('terminates a dealer that is %s', (status) => {
      spec.given(history[status]).when(terminate()).then([terminated]);
    });

    it('accepts the day of the application as the effective day', () => {
      spec
        .given(history.active)
        .when(terminate('2026-03-10'))
        .then([{ ...terminated, data: { ...terminated.data, effectiveDay: '2026-03-10' } }]);
    });

    it('refuses an effective day before the application, naming effectiveDay', () => {
      spec.given(history.active).when(terminate('2026-03-09')).thenThrows(DealerError, invalidField('effectiveDay'));
    });

    it('changes nothing when terminated already', () => {
      spec.given(history.terminated).when(terminate()).thenNothingHappens();
    });

    it.each(['applied', 'rejected'] as const)('is refused when %s', (status) => {
      spec.given(history[status]).when(terminate()).thenThrows(DealerError, inState(status));
    });
  });

  describe('AddDealerUser', () => {
    it.each(['onboarding', 'active', 'suspended'] as const)('adds a user to a dealer that is %s', (status) => {
      spec.given(history[status]).when(addUser()).then([userAdded()]);
    });

    it('changes nothing when the user is the dealer’s already', () => {
      spec
        .given([...history.active, userAdded()])
        .when(addUser())
        .thenNothingHappens();
    });

    it.each(['applied', 'rejected', 'terminated'] as const)('is refused when %s', (status) => {
      spec.given(history[status]).when(addUser()).thenThrows(DealerError, inState(status));
    });
  });

  describe('RemoveDealerUser', () => {
    it('removes a user of the dealer', () => {
      spec
        .given([...history.active, userAdded()])
        .when(removeUser())
        .then([userRemoved]);
    });

    it('changes nothing when the user is not the dealer’s', () => {
      spec.given(history.active).when(removeUser()).thenNothingHappens();
    });

    it.each(['applied', 'rejected', 'terminated'] as const)('is refused when %s', (status) => {
      spec.given(history[status]).when(removeUser()).thenThrows(DealerError, inState(status));
    });
  });
});

describe('dealer queries', () => {
  it('lists the open requirements in checklist order', () => {
    const dealer = fold([...history.onboarding, ticked('signed-agreement')]) as Dealer;
    expect(openRequirements(dealer).map((item) => item.requirementId)).toEqual(
      requirementIds.filter((id) => id !== 'signed-agreement'),
    );
    expect(openRequirements(fold(history.active) as Dealer)).toEqual([]);
  });

  it('knows the users who act for the dealer while it is a partner', () => {
    const withUser = [...history.active, userAdded()];
    expect(isDealerUser(fold(withUser), 'u-1')).toBe(true);
    expect(isDealerUser(fold(withUser), 'u-2')).toBe(false);
    expect(isDealerUser(fold([...withUser, suspended]), 'u-1')).toBe(true);
    expect(isDealerUser(fold([...withUser, userRemoved]), 'u-1')).toBe(false);
    expect(isDealerUser(fold([...withUser, terminated]), 'u-1')).toBe(false);
    expect(isDealerUser(fold([]), 'u-1')).toBe(false);
  });

  it('keeps who ticked each requirement, with what evidence, and why the dealer ended', () => {
    const dealer = fold([...history.onboarding, ticked('bank-details'), terminated]) as Dealer;
    expect(dealer.ticks).toEqual([
      { requirementId: 'bank-details', evidence: 'seen', tickedBy: 'mgr-2', tickedAt: now },
    ]);
    expect(dealer.termination).toEqual({ reason: 'left the market', effectiveDay: '2026-06-30' });
    expect(fold(history.rejected)).toMatchObject({ status: 'rejected', rejectionReason: 'no service workshop' });
  });
});
