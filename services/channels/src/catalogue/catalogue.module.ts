import { Module } from '@nestjs/common';
import { ChannelsController } from './api/channels.controller';
import { ChannelDirectory } from './application/channel-directory.port';
import { ChannelStreams } from './application/channel-streams';
import { DefineChannelHandler } from './application/define-channel.handler';
import { RetireChannelHandler } from './application/retire-channel.handler';
import { ChannelCatalogueTable } from './projections/channel-catalogue.table';

/** The division's channels, which dealers, agreements, plans and deal attribution refer to. */
@Module({
  controllers: [ChannelsController],
  providers: [
    ChannelStreams,
    ChannelCatalogueTable,
    { provide: ChannelDirectory, useExisting: ChannelCatalogueTable },
    DefineChannelHandler,
    RetireChannelHandler,
  ],
  exports: [ChannelDirectory, DefineChannelHandler],
})
export class CatalogueModule {}
