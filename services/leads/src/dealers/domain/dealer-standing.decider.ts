import type { Command, Decider } from '@salesos/event-sourcing';
import { type DealerStanding, type DealerStandingEvent, dealerStandingEvents } from './dealer-standing.events';

/** A dealer's standing as one channels event tells it. */
export interface DealerNews {
  dealerId: string;
  divisionId: string;
  channelId?: string;
  standing: DealerStanding;
  since: string;
  lastDay?: string;
}

export type RecordDealerStanding = Command<'RecordDealerStanding', DealerNews>;

export type KnownDealer = DealerNews & { status: 'known' };
export type DealerStandingState = { status: 'none' } | KnownDealer;

const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

/** The news as the dealer will then stand: an event without a channel keeps the one known. */
function merged(news: DealerNews, state: DealerStandingState): DealerNews {
  const { channelId: told, ...rest } = news;
  const channelId = told ?? (state.status === 'known' ? state.channelId : undefined);
  return { ...rest, ...(channelId === undefined ? {} : { channelId }) };
}

const sameStanding = (news: DealerNews, known: KnownDealer): boolean =>
  news.standing === known.standing &&
  news.divisionId === known.divisionId &&
  news.channelId === known.channelId &&
  news.lastDay === known.lastDay;

/**
 * A dealer's standing, from the channels service's events, which arrive at least once and in order per dealer but
 * may come again later (a redelivery, a replay of the topic). News older than what is known changes nothing, and a
 * termination is final (the channels service never reactivates a terminated dealer), whenever its news arrives.
 */
export const dealerStandingDecider: Decider<DealerStandingState, RecordDealerStanding, DealerStandingEvent> = {
  events: dealerStandingEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    const news = merged(command.data, state);
    if (state.status === 'known') {
      if (state.standing === 'terminated') return [];
      if (news.standing !== 'terminated' && later(state.since, news.since)) return [];
      if (sameStanding(news, state)) return [];
    }
    return [{ type: 'DealerStandingRecorded', data: { ...news, recordedAt: command.metadata.now } }];
  },

  evolve(_state, event) {
    const { recordedAt: _recordedAt, ...news } = event.data;
    return { status: 'known', ...news };
  },
};
