import type { Command, Decider, DomainEvent } from '../decider';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface WhenStep<E extends DomainEvent> {
  /** The decision emits exactly these events, in order. */
  then(expected: readonly E[]): void;
  /** The decision is a no-op: nothing to append. */
  thenNothingHappens(): void;
  /** The decision is refused with this error type, optionally matching a predicate or partial shape. */
  thenThrows(errorType: ErrorClass, check?: ((error: Error) => boolean) | Record<string, unknown>): void;
}

export interface GivenStep<C extends Command, E extends DomainEvent> {
  when(command: C): WhenStep<E>;
}

/**
 * Given/when/then over a pure decider:
 * `spec.given([captured]).when(qualify).then([qualified])`.
 */
export class DeciderSpecification<State, C extends Command, E extends DomainEvent> {
  private constructor(private readonly decider: Decider<State, C, E>) {}

  static for<State, C extends Command, E extends DomainEvent>(
    decider: Decider<State, C, E>,
  ): DeciderSpecification<State, C, E> {
    return new DeciderSpecification(decider);
  }

  given(events: readonly E[] = []): GivenStep<C, E> {
    return {
      when: (command: C): WhenStep<E> => {
        const run = (): readonly E[] => {
          const state = events.reduce(
            (current, event) => this.decider.evolve(current, event),
            this.decider.initialState(),
          );
          return this.decider.decide(command, state);
        };
        return {
          then: (expected) => expect(run()).toEqual(expected),
          thenNothingHappens: () => expect(run()).toEqual([]),
          thenThrows: (errorType, check) => {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            if (thrown === undefined)
              throw new Error(`Expected ${errorType.name} to be thrown, but the decision succeeded`);
            expect(thrown).toBeInstanceOf(errorType);
            if (typeof check === 'function') expect(check(thrown as Error)).toBe(true);
            else if (check !== undefined) expect(thrown).toMatchObject(check);
          },
        };
      },
    };
  }
}
