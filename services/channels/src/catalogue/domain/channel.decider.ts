import type { Command, Decider } from '@salesos/event-sourcing';
import { ChannelError, ChannelErrorCode } from './channel.errors';
import { type ChannelDefinition, type ChannelEvent, channelEvents } from './channel.events';

export type DefineChannel = Command<'DefineChannel', { divisionId: string; channel: ChannelDefinition }>;
export type RetireChannel = Command<'RetireChannel', { divisionId: string; channelId: string; reason: string }>;
export type ChannelCommand = DefineChannel | RetireChannel;

export type Channel = ChannelDefinition & { status: 'active' | 'retired'; definedAt: string; retiredAt?: string };

/** A division's channels in the order they were first defined. */
export interface ChannelCatalogue {
  channels: readonly Channel[];
}

function repeatedAt(values: readonly string[]): number {
  return values.findIndex((value, index) => values.indexOf(value) !== index);
}

function checkDefinition(channel: ChannelDefinition): void {
  for (const field of ['productGroups', 'territories'] as const) {
    const at = repeatedAt(channel[field]);
    if (at !== -1) {
      throw new ChannelError(
        ChannelErrorCode.InvalidDefinition,
        `lists '${channel[field][at]}' a second time`,
        `${field}[${at}]`,
      );
    }
  }
}

const sameDefinition = (a: ChannelDefinition, b: ChannelDefinition): boolean =>
  a.name === b.name &&
  a.kind === b.kind &&
  JSON.stringify(a.productGroups) === JSON.stringify(b.productGroups) &&
  JSON.stringify(a.territories) === JSON.stringify(b.territories);

function defineChannel(command: DefineChannel, state: ChannelCatalogue): ChannelEvent[] {
  const { divisionId, channel } = command.data;
  checkDefinition(channel);
  const existing = state.channels.find((candidate) => candidate.channelId === channel.channelId);
  if (existing?.status === 'retired') {
    throw new ChannelError(ChannelErrorCode.Retired, `Channel ${channel.channelId} is retired; define a new one`);
  }
  // Dealers were onboarded against the channel's kind: another kind is another channel.
  if (existing !== undefined && existing.kind !== channel.kind) {
    throw new ChannelError(
      ChannelErrorCode.KindFixed,
      `Channel ${channel.channelId} is a ${existing.kind} channel; its kind cannot change, define a new channel`,
      'kind',
    );
  }
  if (existing !== undefined && sameDefinition(existing, channel)) return [];
  return [{ type: 'ChannelDefined', data: { divisionId, channel, definedAt: command.metadata.now } }];
}

function retireChannel(command: RetireChannel, state: ChannelCatalogue): ChannelEvent[] {
  const { divisionId, channelId, reason } = command.data;
  const existing = state.channels.find((candidate) => candidate.channelId === channelId);
  if (existing === undefined) {
    throw new ChannelError(ChannelErrorCode.NotFound, `There is no channel '${channelId}' in division ${divisionId}`);
  }
  if (existing.status === 'retired') return [];
  return [{ type: 'ChannelRetired', data: { divisionId, channelId, reason, retiredAt: command.metadata.now } }];
}

/** A division's channel catalogue: the ways it sells, which deals, dealers and plans refer to. */
export const channelCatalogueDecider: Decider<ChannelCatalogue, ChannelCommand, ChannelEvent> = {
  events: channelEvents,
  initialState: () => ({ channels: [] }),

  decide(command, state) {
    switch (command.type) {
      case 'DefineChannel':
        return defineChannel(command, state);
      case 'RetireChannel':
        return retireChannel(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ChannelDefined': {
        const { channel, definedAt } = event.data;
        const at = state.channels.findIndex((candidate) => candidate.channelId === channel.channelId);
        const defined: Channel = { ...channel, status: 'active', definedAt };
        if (at === -1) return { channels: [...state.channels, defined] };
        return { channels: state.channels.map((candidate, index) => (index === at ? defined : candidate)) };
      }
      case 'ChannelRetired': {
        const { channelId, retiredAt } = event.data;
        return {
          channels: state.channels.map((candidate) =>
            candidate.channelId === channelId ? { ...candidate, status: 'retired' as const, retiredAt } : candidate,
          ),
        };
      }
    }
  },
};
