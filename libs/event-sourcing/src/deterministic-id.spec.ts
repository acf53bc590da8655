import { deterministicEventId } from './deterministic-id';

describe('deterministicEventId', () => {
  it('is a stable version-5 UUID per command id and index', () => {
    const id = deterministicEventId('command-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicEventId('command-1', 0)).toBe(id);
    expect(deterministicEventId('command-1', 1)).not.toBe(id);
    expect(deterministicEventId('command-2', 0)).not.toBe(id);
  });
});
