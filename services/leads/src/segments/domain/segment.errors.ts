export enum SegmentErrorCode {
  NotFound = 'SEGMENT_NOT_FOUND',
  AlreadyExists = 'SEGMENT_ALREADY_EXISTS',
  NoCriteria = 'SEGMENT_NO_CRITERIA',
  Retired = 'SEGMENT_RETIRED',
}

export class SegmentError extends Error {
  constructor(
    readonly code: SegmentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SegmentError';
  }
}
