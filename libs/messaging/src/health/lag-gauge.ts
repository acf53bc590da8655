import { within } from './within';

/**
 * The last measured lag of a consumer or a relay. Measurements never overlap (a caller during one shares it) and are
 * bounded in time, so a broker or store that does not answer costs a health check or a scrape `timeoutMs`, not the
 * client's whole retry budget.
 */
export class LagGauge {
  private lastValue: number | undefined;
  private lastError: string | undefined;
  private inFlight: Promise<number> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly measure: () => Promise<number>,
    private readonly onMeasured: (lag: number) => void = () => undefined,
  ) {}

  /** The last value measured; undefined before the first. */
  get value(): number | undefined {
    return this.lastValue;
  }

  /** Why the last measurement failed; undefined once one succeeds. */
  get error(): string | undefined {
    return this.lastError;
  }

  /** Measures now, or joins the measurement in flight; rejects after `timeoutMs` (the measurement goes on). */
  refresh(timeoutMs: number): Promise<number> {
    this.inFlight ??= this.measure().then(
      (lag) => {
        this.inFlight = undefined;
        this.lastValue = lag;
        this.lastError = undefined;
        this.onMeasured(lag);
        return lag;
      },
      (error: unknown) => {
        this.inFlight = undefined;
        this.lastError = error instanceof Error ? error.message : String(error);
        throw error;
      },
    );
    return within(this.inFlight, timeoutMs).catch((error: unknown) => {
      // A measurement that does not end in time is as good as failed; its late answer still counts.
      if (this.inFlight !== undefined) this.lastError = error instanceof Error ? error.message : String(error);
      throw error;
    });
  }

  /** Measures every `intervalMs` in the background until `stop()`. */
  start(intervalMs: number, timeoutMs: number): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => {
      if (this.inFlight === undefined) this.refresh(timeoutMs).catch(() => undefined);
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
