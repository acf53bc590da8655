import fc from 'fast-check';
import type { ApiOperation } from './api-operations';
import { requestsFor } from './api-requests';

const revise: ApiOperation = {
  method: 'post',
  path: '/opportunities/{opportunityId}/forecast',
  parameters: [
    { name: 'opportunityId', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'asOf', in: 'query', required: false, schema: { type: 'string', format: 'date-time' } },
  ],
  body: {
    contentType: 'application/json',
    schema: {
      type: 'object',
      required: ['amount'],
      properties: {
        amount: {
          type: 'object',
          required: ['amount', 'currency'],
          properties: { amount: { type: 'number', multipleOf: 0.01 }, currency: { type: 'string', example: 'EUR' } },
        },
        expectedCloseDate: { type: 'string', format: 'date' },
      },
    },
  },
  statuses: [200, 400],
  roles: ['division-manager'],
};
const context = { ids: { opportunityId: ['deal-1'] }, callerFor: () => fc.constant({ Authorization: 'Bearer t' }) };
const samples = fc.sample(requestsFor(revise, context), { numRuns: 2000, seed: 7 });

describe('fuzzed requests', () => {
  it('follow the document when they are not twisted: its path, its query, a body of its schema', () => {
    const plain = samples.filter((request) => request.twist === 'none');
    expect(plain.length).toBeGreaterThan(100);
    for (const request of plain) {
      expect(request.url).toMatch(/^\/opportunities\/[^/?]+\/forecast(\?asOf=[^&]+)?$/);
      const body = JSON.parse(request.body as string) as { amount: { amount: number; currency: string } };
      expect(typeof body.amount.amount).toBe('number');
      expect(request.headers).toMatchObject({ Authorization: 'Bearer t', 'Content-Type': 'application/json' });
    }
    expect(plain.some((request) => request.url.startsWith('/opportunities/deal-1/'))).toBe(true);
  });

  it('twist every part of a request, writing numbers JSON.stringify cannot', () => {
    const twists = samples.map((request) => request.twist);
    for (const kind of ['null at', 'left out', 'unknown field', 'body ', 'If-Match', 'Content-Type', 'query ']) {
      expect({ kind, seen: twists.some((twist) => twist.includes(kind)) }).toEqual({ kind, seen: true });
    }
    expect(samples.some((request) => request.body?.includes(':-0') === true)).toBe(true);
    expect(samples.some((request) => /%(ED%A0%80|zz|00)/.test(request.url))).toBe(true);
  });
});
