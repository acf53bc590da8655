import fc from 'fast-check';
import { duplicateKeys, findDuplicates, normalizeEmail, normalizePhone } from './duplicate-detection';
import { normalizeCompanyName } from '../../core/domain/company-name';

describe('duplicate detection', () => {
  it('normalises emails, phones and company names', () => {
    expect(normalizeEmail('  Ada.Lovelace@ACME.test ')).toBe('ada.lovelace@acme.test');
    expect(normalizePhone('+49 (30) 123-4567')).toBe('49301234567');
    expect(normalizePhone('0049 30 1234567')).toBe('49301234567');
    expect(normalizeCompanyName('Acme GmbH')).toBe('acme');
    expect(normalizeCompanyName('ACME, Inc.')).toBe('acme');
    expect(normalizeCompanyName('Müller & Söhne Ltd')).toBe('muller and sohne');
    expect(normalizeCompanyName('Inc')).toBe('inc');
  });

  it('ignores keys too short or empty to identify anyone', () => {
    expect(duplicateKeys({ email: '  ', phone: '12', companyName: ' ,. ' })).toEqual({});
  });

  it('names the existing leads that share a key, and on which keys', () => {
    const candidate = duplicateKeys({ email: 'ADA@acme.test', phone: '+49 30 1234567', companyName: 'Acme AG' });
    const existing = [
      { leadId: 'lead-a', keys: duplicateKeys({ email: 'ada@acme.test', companyName: 'ACME GmbH' }) },
      { leadId: 'lead-b', keys: duplicateKeys({ phone: '0049 30 1234567', companyName: 'Other Corp' }) },
      { leadId: 'lead-c', keys: duplicateKeys({ email: 'bob@other.test', companyName: 'Other' }) },
    ];
    expect(findDuplicates(candidate, existing)).toEqual([
      { leadId: 'lead-a', matchedOn: ['email', 'company'] },
      { leadId: 'lead-b', matchedOn: ['phone'] },
    ]);
  });

  const decorate = fc.tuple(fc.constantFrom('', ' ', '  '), fc.boolean());
  const word = fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/);

  it('property: normalising is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(normalizeCompanyName(normalizeCompanyName(text))).toBe(normalizeCompanyName(text));
        expect(normalizeEmail(normalizeEmail(text))).toBe(normalizeEmail(text));
      }),
    );
  });

  it('property: case, spacing, punctuation and a legal form do not hide a duplicate company', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        decorate,
        fc.constantFrom('', ' GmbH', ', Inc.', ' Ltd', ' S.A.'),
        (words, [pad, upper], suffix) => {
          const plain = words.join(' ');
          const dressed = `${pad}${upper ? plain.toUpperCase() : plain}${suffix}${pad}`.replace(
            / /g,
            pad === '' ? ' ' : '  ',
          );
          expect(normalizeCompanyName(dressed)).toBe(normalizeCompanyName(plain));
        },
      ),
    );
  });

  it('property: a lead is always found as a duplicate of a copy of itself, and never of a lead with no shared key', () => {
    fc.assert(
      fc.property(
        fc.emailAddress(),
        fc.stringMatching(/^\+?[0-9 ]{8,15}$/),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        (email, phone, words) => {
          const keys = duplicateKeys({ email, phone, companyName: words.join(' ') });
          expect(findDuplicates(keys, [{ leadId: 'self', keys }])).toHaveLength(Object.keys(keys).length > 0 ? 1 : 0);
          expect(findDuplicates(keys, [{ leadId: 'stranger', keys: {} }])).toEqual([]);
        },
      ),
    );
  });
});
