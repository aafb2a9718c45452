import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from './phone-number.ts';

describe('normalizePhoneNumber', () => {
  it.each([
    ['2145551234', '2145551234'],
    ['(214) 555-1234', '2145551234'],
    ['214.555.1234', '2145551234'],
    ['+1 214-555-1234', '2145551234'],
    ['1-214-555-1234', '2145551234'],
    ['12145551234', '2145551234'],
    [' 214 555 1234 ', '2145551234'],
  ])('accepts %s as %s', (input, digits) => {
    expect(normalizePhoneNumber(input)).toEqual({ ok: true, digits, repaired: false });
  });

  it('repairs Excel scientific notation when every digit survived', () => {
    expect(normalizePhoneNumber('2.145551234E+09')).toEqual({ ok: true, digits: '2145551234', repaired: true });
    expect(normalizePhoneNumber('1.2145551234e+10')).toEqual({ ok: true, digits: '2145551234', repaired: true });
  });

  it('refuses scientific notation that lost digits', () => {
    expect(normalizePhoneNumber('2.14555E+09')).toEqual({ ok: false, problem: 'precision-lost' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['555-1234', 'invalid'],
    ['2005551234', 'invalid'],
    ['5555551234', 'invalid'],
    ['2141115555', 'invalid'],
    ['0145551234', 'invalid'],
    ['214555123x', 'invalid'],
    ['22145551234', 'invalid'],
    ['2145551234 ext 5', 'invalid'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(normalizePhoneNumber(input)).toEqual({ ok: false, problem });
  });
});
