import { Module } from '@nestjs/common';
import { ChannelDealers } from './application/channel-dealers.port';
import { RecordDealerStandingHandler } from './application/record-dealer-standing.handler';
import { ChannelsDealersConsumer } from './messaging/channels-dealers.consumer';
import { DealersTable } from './projections/dealers.table';

/** The channels service's dealers as the leads service hears of them: the dealers deals may be attributed to. */
@Module({
  controllers: [ChannelsDealersConsumer],
  providers: [RecordDealerStandingHandler, DealersTable, { provide: ChannelDealers, useExisting: DealersTable }],
  exports: [ChannelDealers, RecordDealerStandingHandler],
})
export class DealersModule {}
