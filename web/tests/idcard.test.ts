import { describe, expect, it } from 'vitest';
import { birthDateFromId, checkIdNumber, idCheckDigit, isValidCreditCode, MOBILE_PATTERN } from '@/utils/idcard';
import { birthDateMismatch } from '@/views/figures/rules';

describe('GB 11643 ID numbers', () => {
  it('computes the check digit', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('44052418800101001')).toBe('4');
  });

  it('accepts valid numbers, a lower-case x and residence permits', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(checkIdNumber('11010519491231002x')).toBeNull();
    const permit = '81000019900101123';
    expect(checkIdNumber(permit + idCheckDigit(permit))).toBeNull();
  });

  it('says what is wrong', () => {
    expect(checkIdNumber('110105194912310')).toBe('length');
    expect(checkIdNumber('1101051949123100AX')).toBe('format');
    expect(checkIdNumber('110105194913310021')).toBe('birthDate');
    expect(checkIdNumber('110105194912310021')).toBe('checkDigit');
  });

  it('reads the birth date and compares it at the given precision', () => {
    expect(birthDateFromId('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateMismatch('1949-12', '11010519491231002X')).toBe(false);
    expect(birthDateMismatch('1949-12-31', '11010519491231002X')).toBe(false);
    expect(birthDateMismatch('1950-01', '11010519491231002X')).toBe(true);
    expect(birthDateMismatch('1950-01', '')).toBe(false);
  });
});

describe('other identifiers', () => {
  it('validates unified social credit codes', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('short')).toBe(false);
  });

  it('validates mobile numbers', () => {
    expect(MOBILE_PATTERN.test('13812345678')).toBe(true);
    expect(MOBILE_PATTERN.test('12812345678')).toBe(false);
    expect(MOBILE_PATTERN.test('0830-1234567')).toBe(false);
  });
});
