import { Module } from '@nestjs/common';
import { ActiveSegments } from './application/active-segments.port';
import { DefineSegmentHandler } from './application/define-segment.handler';
import { ReadSegmentQuery } from './application/read-segment.query';
import { RetireSegmentHandler } from './application/retire-segment.handler';
import { ReviseSegmentHandler } from './application/revise-segment.handler';
import { SegmentStreams } from './application/segment-streams';
import { SegmentsController } from './api/segments.controller';
import { SegmentsTable } from './projections/segments.table';

/** Target audiences: segments of a division defined by criteria, which leads are matched to. */
@Module({
  controllers: [SegmentsController],
  providers: [
    SegmentStreams,
    SegmentsTable,
    { provide: ActiveSegments, useExisting: SegmentsTable },
    DefineSegmentHandler,
    ReadSegmentQuery,
    ReviseSegmentHandler,
    RetireSegmentHandler,
  ],
  exports: [ActiveSegments, DefineSegmentHandler],
})
export class SegmentsModule {}
