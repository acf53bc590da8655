import fc from 'fast-check';
import { maxJsonDepth, requestJsonProblems } from './request-json';

const nested = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let level = 0; level < levels; level += 1) value = level % 2 === 0 ? { a: value } : [value];
  return value;
};

describe('what no request field may be', () => {
  it('passes ordinary JSON', () => {
    expect(
      requestJsonProblems({ contact: { name: 'Zoë 😀', email: 'a@b.de' }, needTags: ['x', 'y'], amount: 1 }),
    ).toEqual([]);
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (text) =>
        requestJsonProblems(JSON.parse(text)).every(
          (problem) =>
            problem.message.includes('NUL') ||
            problem.message.includes('surrogate') ||
            problem.message.includes('reserved'),
        ),
      ),
    );
  });

  it('names a lone surrogate and a NUL character, in values and in keys', () => {
    expect(requestJsonProblems({ contact: { email: 'a\ud800@x.de' }, notes: ['ok', 'x\u0000y'] })).toEqual([
      { field: 'contact.email', message: 'is not well-formed Unicode: it holds half of a surrogate pair' },
      { field: 'notes[1]', message: 'must not contain NUL characters' },
    ]);
    expect(requestJsonProblems({ ['\udc00']: 1 })[0]?.message).toMatch(/surrogate/);
    expect(requestJsonProblems('\ud800')).toEqual([
      { field: 'body', message: 'is not well-formed Unicode: it holds half of a surrogate pair' },
    ]);
  });

  it('names JavaScript’s reserved names used as keys', () => {
    const body = JSON.parse('{"source":"w","__proto__":{"x":1},"contact":{"constructor":1,"prototype":2}}') as object;
    expect(requestJsonProblems(body).map((problem) => problem.field)).toEqual([
      '__proto__',
      'contact.constructor',
      'contact.prototype',
    ]);
  });

  it('bounds the depth without recursing, however deep the JSON', () => {
    expect(requestJsonProblems(nested(maxJsonDepth))).toEqual([]);
    const deep = requestJsonProblems(nested(100_000));
    expect(deep).toHaveLength(1);
    expect(deep[0]?.message).toBe(`nests deeper than ${maxJsonDepth} levels`);
    expect(requestJsonProblems(JSON.parse(`{"contact":${'['.repeat(10_000)}${']'.repeat(10_000)}}`))[0]?.field).toMatch(
      /^contact(\[0\])+$/,
    );
  });

  it('stops listing after 50 problems', () => {
    expect(requestJsonProblems(Array.from({ length: 5000 }, () => '\u0000'))).toHaveLength(50);
  });
});
