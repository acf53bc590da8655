import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import { channelCatalogueDecider, type DefineChannel, type RetireChannel } from './channel.decider';
import { ChannelError, ChannelErrorCode } from './channel.errors';
import type { ChannelDefinition, ChannelEvent } from './channel.events';

const now = '2026-03-01T00:00:00.000Z';
const later = '2026-04-01T00:00:00.000Z';
const dealers: ChannelDefinition = {
  channelId: 'dealers-dach',
  name: 'Dealers DACH',
  kind: 'dealer',
  productGroups: ['presses', 'service'],
  territories: ['de', 'at', 'ch'],
};
const define = (changes: Partial<ChannelDefinition> = {}, at = now): DefineChannel => ({
  type: 'DefineChannel',
  data: { divisionId: 'north', channel: { ...dealers, ...changes } },
  metadata: { commandId: 'c', now: at },
});
const defined = (changes: Partial<ChannelDefinition> = {}, at = now): ChannelEvent => ({
  type: 'ChannelDefined',
  data: { divisionId: 'north', channel: { ...dealers, ...changes }, definedAt: at },
});
const retire = (channelId = 'dealers-dach'): RetireChannel => ({
  type: 'RetireChannel',
  data: { divisionId: 'north', channelId, reason: 'Merged into distribution' },
  metadata: { commandId: 'r', now: later },
});
const retired: ChannelEvent = {
  type: 'ChannelRetired',
  data: { divisionId: 'north', channelId: 'dealers-dach', reason: 'Merged into distribution', retiredAt: later },
};
const spec = DeciderSpecification.for(channelCatalogueDecider);
const refusedWith = (code: ChannelErrorCode, field?: string) => (error: Error) =>
  (error as ChannelError).code === code && (error as ChannelError).field === field;

describe("a division's channel catalogue", () => {
  it('defines a channel with what it may sell and where', () => {
    spec.given([]).when(define()).then([defined()]);
  });

  it('replaces a channel as a whole when its definition changes', () => {
    spec
      .given([defined()])
      .when(define({ territories: ['de'] }, later))
      .then([defined({ territories: ['de'] }, later)]);
  });

  it('changes nothing when a channel is defined as it is', () => {
    spec.given([defined()]).when(define()).thenNothingHappens();
  });

  it("refuses to change a channel's kind, naming the field", () => {
    spec
      .given([defined()])
      .when(define({ kind: 'distributor' }))
      .thenThrows(ChannelError, refusedWith(ChannelErrorCode.KindFixed, 'kind'));
  });

  it.each([
    ['a product group listed twice', { productGroups: ['presses', 'presses'] }, 'productGroups[1]'],
    ['a territory listed twice', { territories: ['de', 'at', 'de'] }, 'territories[2]'],
  ])('refuses %s, naming the field', (_label, changes, field) => {
    spec
      .given([])
      .when(define(changes))
      .thenThrows(ChannelError, refusedWith(ChannelErrorCode.InvalidDefinition, field));
  });

  it('retires a channel, once', () => {
    spec.given([defined()]).when(retire()).then([retired]);
    spec.given([defined(), retired]).when(retire()).thenNothingHappens();
  });

  it('refuses to retire a channel it does not have', () => {
    spec.given([defined()]).when(retire('online')).thenThrows(ChannelError, refusedWith(ChannelErrorCode.NotFound));
  });

  it('refuses to define a retired channel again', () => {
    spec
      .given([defined(), retired])
      .when(define({ name: 'Dealers again' }))
      .thenThrows(ChannelError, refusedWith(ChannelErrorCode.Retired));
  });

  it('keeps every channel in the order it was first defined', () => {
    const online = { channelId: 'web-shop', name: 'Web shop', kind: 'online' as const };
    const state = [defined(), defined(online), defined({ name: 'Dealers D-A-CH' })].reduce(
      channelCatalogueDecider.evolve,
      channelCatalogueDecider.initialState(),
    );
    expect(state.channels.map((channel) => [channel.channelId, channel.name])).toEqual([
      ['dealers-dach', 'Dealers D-A-CH'],
      ['web-shop', 'Web shop'],
    ]);
  });
});
