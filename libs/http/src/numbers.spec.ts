import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isMoneyAmount, maxMoneyAmount, QueryInt } from './numbers';

describe('money amounts', () => {
  it.each([0, 1, 19.99, 0.01, 0.1, 1234.5, maxMoneyAmount, 999_999_999_999.99])('takes %p', (amount) => {
    expect(isMoneyAmount(amount)).toBe(true);
  });

  it.each([
    ['a denormal', 5e-324],
    ['a huge number', 1e308],
    ['one past the bound', maxMoneyAmount + 0.01],
    ['negative zero', -0],
    ['a negative amount', -0.01],
    ['three decimals', 0.001],
    ['a sum that is not a cent amount', 0.1 + 0.2],
    ['NaN', NaN],
    ['infinity', Infinity],
    ['a numeric string', '100'],
    ['null', null],
  ])('refuses %s', (_label, amount) => {
    expect(isMoneyAmount(amount)).toBe(false);
  });

  it('takes every cent amount in range and nothing finer', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: maxMoneyAmount * 100 }), (cents) => isMoneyAmount(cents / 100)));
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (amount) => {
        const taken = isMoneyAmount(amount);
        return (
          !taken ||
          (amount >= 0 && amount <= maxMoneyAmount && Math.abs(Math.round(amount * 100) - amount * 100) < 1e-3)
        );
      }),
    );
  });
});

class Paging {
  @QueryInt({ min: 1, max: 100_000 })
  page!: number;
}

const pageErrors = (page: unknown) => validateSync(plainToInstance(Paging, { page })).length;

describe('whole numbers in a query string', () => {
  it.each(['1', '42', '100000', '007'])('takes %j', (page) => {
    expect(pageErrors(page)).toBe(0);
    expect(plainToInstance(Paging, { page }).page).toBe(Number(page));
  });

  it.each(['0', '100001', '0x10', '1e3', '1e308', '1.0', '1.5', ' 5', '5 ', '+5', '-1', '', 'NaN', 'Infinity', '١٢'])(
    'refuses %j',
    (page) => {
      expect(pageErrors(page)).toBe(1);
    },
  );

  it('refuses a repeated parameter and anything not written as digits', () => {
    expect(pageErrors(['1', '2'])).toBe(1);
    fc.assert(
      fc.property(
        fc.string(),
        (text) => (pageErrors(text) === 0) === (/^[0-9]+$/.test(text) && Number(text) >= 1 && Number(text) <= 100_000),
      ),
    );
  });
});
