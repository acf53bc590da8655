import { DeciderSpecification } from './testing';
import { type DealCommand, type DealEvent, DealRuleError, dealCommand, dealDecider } from './testing/deal.fixture';
import { foldEvents } from './decider';

const spec = DeciderSpecification.for(dealDecider);
const opened: DealEvent = { type: 'DealOpened', data: { dealId: 'd1', amount: 100 } };

describe('given/when/then over a decider', () => {
  it('then: checks the exact events decided', () => {
    spec
      .given([])
      .when(dealCommand<Extract<DealCommand, { type: 'OpenDeal' }>>('OpenDeal', { dealId: 'd1', amount: 100 }))
      .then([opened]);
  });

  it('then: takes time from the command, not from a clock', () => {
    spec
      .given([opened])
      .when(dealCommand('WinDeal', { dealId: 'd1' }))
      .then([{ type: 'DealWon', data: { dealId: 'd1', wonAt: '2026-03-01T10:00:00.000Z' } }]);
  });

  it('thenNothingHappens: a decision that changes nothing emits no events', () => {
    spec
      .given([opened])
      .when(dealCommand('ReviseAmount', { dealId: 'd1', amount: 100 }))
      .thenNothingHappens();
  });

  it('thenThrows: matches the error type and its fields', () => {
    spec
      .given([opened])
      .when(dealCommand('OpenDeal', { dealId: 'd1', amount: 5 }))
      .thenThrows(DealRuleError, {
        code: 'ALREADY_OPEN',
      });
    spec
      .given([])
      .when(dealCommand('OpenDeal', { dealId: 'd1', amount: 0 }))
      .thenThrows(DealRuleError, (error) => (error as DealRuleError).code === 'INVALID_AMOUNT');
  });

  it('fails a specification whose expectation is wrong', () => {
    expect(() =>
      spec
        .given([])
        .when(dealCommand('OpenDeal', { dealId: 'd1', amount: 100 }))
        .then([]),
    ).toThrow();
    expect(() =>
      spec
        .given([])
        .when(dealCommand('OpenDeal', { dealId: 'd1', amount: 100 }))
        .thenThrows(DealRuleError),
    ).toThrow(/Expected DealRuleError to be thrown/);
    expect(() =>
      spec
        .given([opened])
        .when(dealCommand('OpenDeal', { dealId: 'd1', amount: 1 }))
        .thenThrows(TypeError),
    ).toThrow();
  });

  it('foldEvents replays events over the initial state', () => {
    expect(
      foldEvents(dealDecider, [opened, { type: 'DealAmountRevised', data: { dealId: 'd1', amount: 250 } }]),
    ).toEqual({
      status: 'open',
      amount: 250,
    });
  });
});
