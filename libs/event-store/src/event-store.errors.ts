import type { ExpectedVersion } from './event';

export enum EventStoreErrorCode {
  WrongExpectedVersion = 'WRONG_EXPECTED_VERSION',
  IdempotencyConflict = 'IDEMPOTENCY_CONFLICT',
  InvalidStreamId = 'INVALID_STREAM_ID',
  InvalidExpectedVersion = 'INVALID_EXPECTED_VERSION',
  InvalidEvent = 'INVALID_EVENT',
  EmptyBatch = 'EMPTY_BATCH',
  BatchTooLarge = 'BATCH_TOO_LARGE',
  NotSerializable = 'NOT_SERIALIZABLE',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  InvalidReadOptions = 'INVALID_READ_OPTIONS',
  CheckpointConflict = 'CHECKPOINT_CONFLICT',
  Closed = 'CLOSED',
}

export class EventStoreError extends Error {
  constructor(
    readonly code: EventStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the version the writer expected: somebody else wrote first. */
export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append was refused (0 when it does not exist). */
    readonly actual: number,
  ) {
    super(
      EventStoreErrorCode.WrongExpectedVersion,
      `Stream '${streamId}' is at version ${actual}, the append expected ${String(expected)}`,
    );
  }
}

/** Some but not all of a batch's event ids are already in the stream: not a retry of the same append. */
export class IdempotencyConflictError extends EventStoreError {
  constructor(readonly streamId: string) {
    super(
      EventStoreErrorCode.IdempotencyConflict,
      `Stream '${streamId}' already holds some, but not all, of the batch's event ids`,
    );
  }
}

export class CheckpointConflictError extends EventStoreError {
  constructor(
    readonly subscriptionId: string,
    readonly expected: bigint | undefined,
    readonly actual: bigint | undefined,
  ) {
    super(
      EventStoreErrorCode.CheckpointConflict,
      `Checkpoint '${subscriptionId}' is at ${actual ?? 'none'}, the write expected ${expected ?? 'none'}`,
    );
  }
}

/** Input the store refuses before writing anything. */
export class InvalidAppendError extends EventStoreError {}
