import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { FundCommand } from './fund.commands';
import { fundDecider } from './fund.decider';
import { FundError, FundErrorCode } from './fund.errors';
import { type FundEvent, fundBudgetStreamId } from './fund.events';

const now = '2026-04-10T12:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends FundCommand>(type: C['type'], data: C['data'], meta = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const usd = (amount: number) => ({ amount, currency: 'USD' });
const budget = { dealerId: 'dealer-3', divisionId: 'north', period: '2026' };

const allocated: FundEvent = {
  type: 'FundBudgetAllocated',
  data: { ...budget, amount: eur(10_000), allocatedBy: 'manager-7', allocatedAt: now },
};
const requested = (requestId: string, amount: number): FundEvent => ({
  type: 'FundsRequested',
  data: { requestId, amount: eur(amount), purpose: 'Trade fair stand', requestedBy: 'dealer-user-1', requestedAt: now },
});
const approved = (requestId: string, amount: number): FundEvent => ({
  type: 'FundRequestApproved',
  data: { requestId, approvedAmount: eur(amount), approvedBy: 'manager-7', approvedAt: now },
});
const rejected: FundEvent = {
  type: 'FundRequestRejected',
  data: { requestId: 'req-1', rejectedBy: 'manager-7', reason: 'Not a channel activity', rejectedAt: now },
};
const claimed = (requestId: string, amount: number): FundEvent => ({
  type: 'FundsClaimed',
  data: { requestId, claimedAmount: eur(amount), proof: ['invoice-2026-118'], claimedAt: now },
});
const paid = (requestId: string, amount: number): FundEvent => ({
  type: 'FundClaimPaid',
  data: {
    ...budget,
    requestId,
    amount: eur(amount),
    paidAt: '2026-04-09T00:00:00.000Z',
    reference: 'PAY-77',
    recordedAt: now,
  },
});

const allocate = (amount = eur(10_000)) =>
  command('AllocateFundBudget', { ...budget, amount, allocatedBy: 'manager-7' });
const adjust = (amount: { amount: number; currency: string }) =>
  command('AdjustFundBudget', { amount, adjustedBy: 'manager-7', reason: 'Mid-year review' });
const request = (requestId: string, amount: { amount: number; currency: string }) =>
  command('RequestFunds', { requestId, amount, purpose: 'Trade fair stand', requestedBy: 'dealer-user-1' });
const approve = (requestId: string, approvedAmount: { amount: number; currency: string }) =>
  command('ApproveFundRequest', { requestId, approvedAmount, approvedBy: 'manager-7' });
const reject = () =>
  command('RejectFundRequest', { requestId: 'req-1', rejectedBy: 'manager-7', reason: 'Not a channel activity' });
const claim = (claimedAmount: { amount: number; currency: string }, proof = ['invoice-2026-118']) =>
  command('ClaimFunds', { requestId: 'req-1', claimedAmount, proof });
const pay = (reference = 'PAY-77', paidAt = '2026-04-09T00:00:00.000Z') =>
  command('PayFundClaim', { requestId: 'req-1', paidAt, reference });

const spec = DeciderSpecification.for(fundDecider);
const refused = (code: FundErrorCode, field?: string, message?: RegExp) => (error: Error) =>
  error instanceof FundError &&
  error.code === code &&
  error.field === field &&
  (message === undefined || message.test(error.message));

describe('market development funds', () => {
  describe('AllocateFundBudget', () => {
    it('allocates a budget to a dealer for a period', () => {
      spec.given([]).when(allocate()).then([allocated]);
      expect(fundBudgetStreamId('dealer-3', '2026')).toBe('funds-dealer-3-2026');
    });

    it('does nothing when allocated again as it is', () => {
      spec.given([allocated]).when(allocate()).thenNothingHappens();
    });

    it('refuses another allocation of an allocated budget, and a period that is none', () => {
      spec
        .given([allocated])
        .when(allocate(eur(12_000)))
        .thenThrows(FundError, refused(FundErrorCode.AlreadyExists, undefined, /allocated already/));
      spec
        .given([])
        .when(command('AllocateFundBudget', { ...budget, period: '2026-H1', amount: eur(1), allocatedBy: 'm' }))
        .thenThrows(FundError, refused(FundErrorCode.InvalidInput, 'period'));
    });
  });

  describe('AdjustFundBudget', () => {
    it('sets the budget to a new amount, saying what it was', () => {
      spec
        .given([allocated])
        .when(adjust(eur(8_000)))
        .then([
          {
            type: 'FundBudgetAdjusted',
            data: {
              amount: eur(8_000),
              previousAmount: eur(10_000),
              adjustedBy: 'manager-7',
              reason: 'Mid-year review',
              adjustedAt: now,
            },
          },
        ]);
    });

    it('does nothing for the amount it has', () => {
      spec
        .given([allocated])
        .when(adjust(eur(10_000)))
        .thenNothingHappens();
    });

    it('refuses another currency, a budget below what is committed, and a budget that does not exist', () => {
      spec
        .given([allocated])
        .when(adjust(usd(8_000)))
        .thenThrows(FundError, refused(FundErrorCode.InvalidInput, 'amount.currency'));
      spec
        .given([allocated, requested('req-1', 6_000), approved('req-1', 6_000)])
        .when(adjust(eur(5_000)))
        .thenThrows(FundError, refused(FundErrorCode.BudgetExceeded, 'amount.amount', /6000 EUR/));
      spec
        .given([])
        .when(adjust(eur(1)))
        .thenThrows(FundError, refused(FundErrorCode.NotFound));
    });
  });

  describe('RequestFunds', () => {
    it('records a request', () => {
      spec
        .given([allocated])
        .when(request('req-1', eur(2_500)))
        .then([requested('req-1', 2_500)]);
    });

    it('does nothing for the same request again', () => {
      spec
        .given([allocated, requested('req-1', 2_500)])
        .when(request('req-1', eur(2_500)))
        .thenNothingHappens();
    });

    it('refuses the same id with other details, another currency, nothing asked, and a budget elsewhere', () => {
      spec
        .given([allocated, requested('req-1', 2_500)])
        .when(request('req-1', eur(3_000)))
        .thenThrows(FundError, refused(FundErrorCode.RequestExists, 'requestId', /is requested/));
      spec
        .given([allocated])
        .when(request('req-1', usd(2_500)))
        .thenThrows(FundError, refused(FundErrorCode.InvalidInput, 'amount.currency', /budget is in EUR/));
      spec
        .given([allocated])
        .when(request('req-1', eur(0)))
        .thenThrows(FundError, refused(FundErrorCode.InvalidInput, 'amount.amount'));
      spec
        .given([allocated])
        .when(
          command(
            'RequestFunds',
            { requestId: 'r', amount: eur(1), purpose: 'p', requestedBy: 'u' },
            { ...metadata, divisionId: 'south' },
          ),
        )
        .thenThrows(FundError, refused(FundErrorCode.NotFound));
    });
  });

  describe('ApproveFundRequest', () => {
    it('approves the amount requested, or less', () => {
      spec
        .given([allocated, requested('req-1', 2_500)])
        .when(approve('req-1', eur(2_500)))
        .then([approved('req-1', 2_500)]);
      spec
        .given([allocated, requested('req-1', 2_500)])
        .when(approve('req-1', eur(2_000)))
        .then([approved('req-1', 2_000)]);
    });

    it('approves up to exactly the budget, counting cents exactly', () => {
      spec
        .given([allocated, requested('req-1', 9_999.7), approved('req-1', 9_999.7), requested('req-2', 0.3)])
        .when(approve('req-2', eur(0.3)))
        .then([approved('req-2', 0.3)]);
    });

    it('does nothing for the same approval again', () => {
      spec
        .given([allocated, requested('req-1', 2_500), approved('req-1', 2_500)])
        .when(approve('req-1', eur(2_500)))
        .thenNothingHappens();
    });

    it('never overdraws the budget: approved-but-unpaid plus paid stays within it, naming what remains', () => {
      const history = [
        allocated,
        requested('req-1', 6_000),
        approved('req-1', 6_000),
        claimed('req-1', 5_000),
        paid('req-1', 5_000),
        requested('req-2', 3_000),
        approved('req-2', 3_000),
        requested('req-3', 2_500),
      ];
      // 5,000 paid (the 1,000 not claimed went back) and 3,000 approved: 2,000 remains.
      spec
        .given(history)
        .when(approve('req-3', eur(2_500)))
        .thenThrows(FundError, refused(FundErrorCode.BudgetExceeded, 'approvedAmount.amount', /2000 EUR remains/));
      spec
        .given(history)
        .when(approve('req-3', eur(2_000)))
        .then([approved('req-3', 2_000)]);
    });

    it('refuses more than requested, another currency, nothing, and a request in another state', () => {
      const history = [allocated, requested('req-1', 2_500)];
      spec
        .given(history)
        .when(approve('req-1', eur(2_500.01)))
        .thenThrows(FundError, refused(FundErrorCode.InvalidInput, 'approvedAmount.amount', /requested/));
      spec
        .given(history)
        .when(approve('req-1', usd(2_500)))
        .thenThrows(FundError, refused(FundErrorCode.InvalidInput, 'approvedAmount.currency'));
      spec
        .given(history)
        .when(approve('req-1', eur(0)))
        .thenThrows(FundError, refused(FundErrorCode.InvalidInput, 'approvedAmount.amount'));
      spec
        .given([...history, rejected])
        .when(approve('req-1', eur(2_500)))
        .thenThrows(FundError, refused(FundErrorCode.WrongState, undefined, /is rejected/));
      spec
        .given([...history, approved('req-1', 2_500)])
        .when(approve('req-1', eur(2_000)))
        .thenThrows(FundError, refused(FundErrorCode.WrongState, undefined, /is approved/));
    });

    it('refuses a request that does not exist', () => {
      spec
        .given([allocated])
        .when(approve('req-9', eur(1)))
        .thenThrows(FundError, refused(FundErrorCode.RequestNotFound, 'requestId'));
    });
  });

  describe('RejectFundRequest', () => {
    it('rejects a request awaiting a decision, and does nothing when rejected already', () => {
      spec
        .given([allocated, requested('req-1', 2_500)])
        .when(reject())
        .then([rejected]);
      spec
        .given([allocated, requested('req-1', 2_500), rejected])
        .when(reject())
        .thenNothingHappens();
    });

    it('refuses an approved request, and one that does not exist', () => {
      spec
        .given([allocated, requested('req-1', 2_500), approved('req-1', 2_500)])
        .when(reject())
        .thenThrows(FundError, refused(FundErrorCode.WrongState, undefined, /is approved/));
      spec.given([allocated]).when(reject()).thenThrows(FundError, refused(FundErrorCode.RequestNotFound, 'requestId'));
    });
  });

  describe('ClaimFunds', () => {
    const approvedHistory = [allocated, requested('req-1', 2_500), approved('req-1', 2_000)];

    it('claims up to the approved amount, with proof', () => {
      spec
        .given(approvedHistory)
        .when(claim(eur(1_800)))
        .then([claimed('req-1', 1_800)]);
    });

    it('does nothing for the same claim again, even once paid', () => {
      spec
        .given([...approvedHistory, claimed('req-1', 1_800)])
        .when(claim(eur(1_800)))
        .thenNothingHappens();
      spec
        .given([...approvedHistory, claimed('req-1', 1_800), paid('req-1', 1_800)])
        .when(claim(eur(1_800)))
        .thenNothingHappens();
    });

    it.each([
      ['more than approved', eur(2_000.01), ['invoice-1'], 'claimedAmount.amount'],
      ['another currency', usd(100), ['invoice-1'], 'claimedAmount.currency'],
      ['nothing', eur(0), ['invoice-1'], 'claimedAmount.amount'],
      ['no proof', eur(100), [], 'proof'],
      ['a document twice', eur(100), ['invoice-1', 'invoice-1'], 'proof[1]'],
    ])('refuses a claim of %s, naming the field', (_label, amount, proof, field) => {
      spec
        .given(approvedHistory)
        .when(claim(amount, proof))
        .thenThrows(FundError, refused(FundErrorCode.InvalidInput, field));
    });

    it('refuses a request not approved, or claimed otherwise already', () => {
      spec
        .given([allocated, requested('req-1', 2_500)])
        .when(claim(eur(100)))
        .thenThrows(FundError, refused(FundErrorCode.WrongState, undefined, /is requested/));
      spec
        .given([...approvedHistory, claimed('req-1', 1_800)])
        .when(claim(eur(1_900)))
        .thenThrows(FundError, refused(FundErrorCode.WrongState, undefined, /is claimed/));
    });
  });

  describe('PayFundClaim', () => {
    const claimedHistory = [allocated, requested('req-1', 2_500), approved('req-1', 2_000), claimed('req-1', 1_800)];

    it('pays the claimed amount, naming dealer, division and period for the published event', () => {
      spec
        .given(claimedHistory)
        .when(pay())
        .then([paid('req-1', 1_800)]);
    });

    it('does nothing when paid already with the same reference', () => {
      spec
        .given([...claimedHistory, paid('req-1', 1_800)])
        .when(pay())
        .thenNothingHappens();
    });

    it('refuses a second payment, an unclaimed request, and a payment dated after now', () => {
      spec
        .given([...claimedHistory, paid('req-1', 1_800)])
        .when(pay('PAY-78'))
        .thenThrows(FundError, refused(FundErrorCode.WrongState, undefined, /is paid already, with reference PAY-77/));
      spec
        .given([allocated, requested('req-1', 2_500), approved('req-1', 2_000)])
        .when(pay())
        .thenThrows(FundError, refused(FundErrorCode.WrongState, undefined, /is approved/));
      spec
        .given(claimedHistory)
        .when(pay('PAY-77', '2026-04-11T00:00:00.000Z'))
        .thenThrows(FundError, refused(FundErrorCode.InvalidInput, 'paidAt'));
    });
  });
});
