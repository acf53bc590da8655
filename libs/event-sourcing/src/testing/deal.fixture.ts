import { Type } from '@sinclair/typebox';
import type { Command, Decider } from '../decider';
import { defineEvents, type EventOf } from '../event-codec';

/** A tiny decider used to test the library itself. */
export const dealEvents = defineEvents({
  DealOpened: Type.Object({ dealId: Type.String(), amount: Type.Number() }),
  DealAmountRevised: Type.Object({ dealId: Type.String(), amount: Type.Number() }),
  DealWon: Type.Object({ dealId: Type.String(), wonAt: Type.String() }),
});
export type DealEvent = EventOf<typeof dealEvents>;

export type DealCommand =
  | Command<'OpenDeal', { dealId: string; amount: number }>
  | Command<'ReviseAmount', { dealId: string; amount: number }>
  | Command<'WinDeal', { dealId: string }>;

export type DealState = { status: 'none' } | { status: 'open'; amount: number } | { status: 'won'; amount: number };

export class DealRuleError extends Error {
  constructor(readonly code: 'ALREADY_OPEN' | 'NOT_OPEN' | 'INVALID_AMOUNT') {
    super(code);
  }
}

export const dealDecider: Decider<DealState, DealCommand, DealEvent> = {
  events: dealEvents,
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'OpenDeal':
        if (state.status !== 'none') throw new DealRuleError('ALREADY_OPEN');
        if (command.data.amount <= 0) throw new DealRuleError('INVALID_AMOUNT');
        return [{ type: 'DealOpened', data: command.data }];
      case 'ReviseAmount':
        if (state.status !== 'open') throw new DealRuleError('NOT_OPEN');
        if (state.amount === command.data.amount) return [];
        return [{ type: 'DealAmountRevised', data: command.data }];
      case 'WinDeal':
        if (state.status !== 'open') throw new DealRuleError('NOT_OPEN');
        return [{ type: 'DealWon', data: { dealId: command.data.dealId, wonAt: command.metadata.now } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'DealOpened':
        return { status: 'open', amount: event.data.amount };
      case 'DealAmountRevised':
        return { status: 'open', amount: event.data.amount };
      case 'DealWon':
        return state.status === 'none' ? state : { status: 'won', amount: state.amount };
    }
  },
};

let sequence = 0;
export function dealCommand<C extends DealCommand>(type: C['type'], data: C['data'], commandId?: string): C {
  sequence += 1;
  return {
    type,
    data,
    metadata: {
      commandId: commandId ?? `command-${sequence}`,
      now: '2026-03-01T10:00:00.000Z',
      divisionId: 'division-north',
      actor: { userId: 'rep-7', roles: ['rep'] },
    },
  } as C;
}
