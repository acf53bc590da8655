/** Target audiences: what other features and the service's composition may use of them. */
export { SegmentsModule } from './segments.module';
export { ActiveSegments, type ActiveSegment } from './application/active-segments.port';
export { DefineSegmentHandler } from './application/define-segment.handler';
export { segmentProblems } from './api/segment.problems';
/** The stream category of segments: what the leads feature follows to match leads again when segments change. */
export const segmentCategory = 'segment';
export { CreateSegmentsTables1765000000100 as SegmentsTables } from './projections/segments-tables.migration';
