import { Clock, IdGenerator } from '@salesos/http';

/** mulberry32: small, fast and deterministic; the same seed gives the same company, year after year. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  integer(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[['web', 4], ['referral', 1]]` gives web four times as often. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
}

const hexDigits = '0123456789abcdef';

/** UUIDs (version 4 layout) from the seeded generator, so seeded data has the same ids on every run. */
export class SeededIds extends IdGenerator {
  constructor(private readonly random: SeededRandom) {
    super();
  }

  next(): string {
    let hex = '';
    for (let digit = 0; digit < 32; digit += 1) hex += hexDigits[Math.floor(this.random.next() * 16)] as string;
    const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** Business time the seeder moves forward, action by action. */
export class MovableClock extends Clock {
  constructor(public current: Date) {
    super();
  }

  now(): Date {
    return this.current;
  }
}

/** A seed's business time on its clock: moved to an instant, never past the seed's last day. */
export class BusinessTime {
  constructor(
    readonly clock: MovableClock,
    readonly end: number,
  ) {}

  at(time: number): void {
    this.clock.current = new Date(Math.min(time, this.end));
  }
}
