import { asUser } from '@salesos/auth/testing';
import { type ReportingEngine, salesStoryApi, storyEvent } from '../../testing';

const north = { ...asUser('director-1', 'sales-director', 'north'), 'X-Division-Id': 'north' };

/**
 * Three deals opened on 1 February 2026 whose revisions state business times the forecast they revise would outrank:
 * one before the deal opened and one decades after it was recorded (the leads service refuses both today), and one
 * dated before the revision it replaces.
 */
const revisionsOutsideTheirDeal = () => [
  storyEvent.opened('O1', 'Acme', 10_000, '02-01'),
  storyEvent.opened('O2', 'Bolt', 20_000, '02-01'),
  storyEvent.opened('O3', 'Cogs', 5_000, '02-01'),
  storyEvent.revised('O3', 7_000, 5_000, '2026-02-03T00:00:00.000Z', '02-04'),
  storyEvent.revised('O1', 15_000, 10_000, '2026-01-20T00:00:00.000Z', '02-05'),
  storyEvent.revised('O2', 30_000, 20_000, '2099-01-01T00:00:00.000Z', '02-10'),
  storyEvent.revised('O3', 8_000, 7_000, '2026-02-02T00:00:00.000Z', '02-06'),
];

/** The as-of pipeline over revisions dated outside their deal: as of now it is the pipeline now. */
export function describePipelineAsOfApi(engine: ReportingEngine): void {
  describe(`the pipeline as of an instant on ${engine}, with revisions dated outside their deal`, () => {
    const { get } = salesStoryApi(engine, north, revisionsOutsideTheirDeal);
    const value = async (query: string) => {
      const response = await get(`/reports/pipeline${query}`);
      expect(response.status).toBe(200);
      const { deals, stages } = response.body as { deals: number; stages: Array<{ value: Record<string, number> }> };
      return { deals, value: stages[0]?.value ?? {} };
    };

    it('as of now, known or believed, is the pipeline now', async () => {
      const now = encodeURIComponent(new Date().toISOString());
      expect(await value('')).toEqual({ deals: 3, value: { EUR: 53_000 } });
      expect(await value(`?asOf=${now}`)).toEqual({ deals: 3, value: { EUR: 53_000 } });
      expect(await value(`?asOf=${now}&basis=believed`)).toEqual({ deals: 3, value: { EUR: 53_000 } });
    });

    it('counts a revision from the forecast it revises when dated before it, from its recording when dated after', async () => {
      // O1's revision counts from 1 February, once known; as believed on 2 February, it was not recorded yet.
      expect(await value('?asOf=2026-02-02T00:00:00Z')).toEqual({ deals: 3, value: { EUR: 40_000 } });
      expect(await value('?asOf=2026-02-02T00:00:00Z&basis=believed')).toEqual({ deals: 3, value: { EUR: 35_000 } });
      // O3's second revision, dated the 2nd, counts from the 3rd, when the one it revises did.
      expect(await value('?asOf=2026-02-03T00:00:00Z')).toEqual({ deals: 3, value: { EUR: 43_000 } });
      expect(await value('?asOf=2026-02-03T00:00:00Z&basis=believed')).toEqual({ deals: 3, value: { EUR: 35_000 } });
      // O2's revision counts from its recording on 10 February.
      expect(await value('?asOf=2026-02-09T00:00:00Z')).toEqual({ deals: 3, value: { EUR: 43_000 } });
      expect(await value('?asOf=2026-02-10T00:00:00Z')).toEqual({ deals: 3, value: { EUR: 53_000 } });
      expect(await value('?asOf=2026-01-25T00:00:00Z')).toEqual({ deals: 0, value: {} });
    });
  });
}
