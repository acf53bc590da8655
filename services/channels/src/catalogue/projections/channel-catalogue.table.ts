import { Inject, Injectable } from '@nestjs/common';
import { aggregateTable, ServiceViews, Sql, type StoreProjection, toNumber } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { CHANNELS_DATABASE, CHANNELS_VIEWS } from '../../core/channels-service.tokens';
import { ChannelDirectory, type DivisionChannels } from '../application/channel-directory.port';
import { type ChannelCatalogue, channelCatalogueDecider } from '../domain/channel.decider';
import { type ChannelEvent, channelEvents } from '../domain/channel.events';

/** How long a read is reused: catalogues change seldom, and most dealer commands ask for their division's. */
const reuseMs = 1_000;

/** Each division's channel catalogue, folded with its decider's own `evolve`, read through a short-lived cache. */
@Injectable()
export class ChannelCatalogueTable extends ChannelDirectory {
  readonly projection: StoreProjection = aggregateTable<ChannelCatalogue, ChannelEvent>({
    name: 'channel-catalogue',
    category: 'channelcatalogue',
    table: 'channels_catalogue',
    idColumn: 'division_id',
    codec: channelEvents,
    evolve: (state, event) => channelCatalogueDecider.evolve(state, event),
    initialState: () => channelCatalogueDecider.initialState(),
    columns: () => ({}),
    afterPage: () => {
      this.cache.clear();
      return Promise.resolve();
    },
  });
  private readonly cache = new Map<string, { catalogue: DivisionChannels; at: number }>();

  constructor(
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
    @Inject(CHANNELS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async catalogueOf(divisionId: string): Promise<DivisionChannels> {
    const cached = this.cache.get(divisionId);
    if (cached !== undefined && Date.now() - cached.at < reuseMs) return cached.catalogue;
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM channels_catalogue WHERE division_id = ${sql.param(divisionId)}`,
    );
    const catalogue: DivisionChannels =
      row === undefined
        ? { ...channelCatalogueDecider.initialState(), version: 0 }
        : { ...(JSON.parse(String(row.state)) as ChannelCatalogue), version: toNumber(row.version) };
    this.cache.set(divisionId, { catalogue, at: Date.now() });
    return catalogue;
  }
}
