import type { ExpectedVersion } from './event';

/** Whether a stream at `current` (undefined when it does not exist) satisfies the writer's expectation. */
export function checkExpectedVersion(expected: ExpectedVersion, current: number | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      return expected === 0 ? current === undefined : current === expected;
  }
}
