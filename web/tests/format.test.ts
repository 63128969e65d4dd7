import { describe, expect, it } from 'vitest';
import { displayMasked, formatCount, formatPartialDate, maskIdNumber, maskPhone, normalizePartialDate } from '@/utils/format';

describe('formatCount', () => {
  it.each([
    [0, '0'], [999, '999'], [9999, '9,999'], [10000, '1万'], [12345, '1.2万'], [125000, '12.5万'],
    [999_400, '99.9万'], [999_949, '100万'], [1_000_000, '100万'], [11_000_000, '1100万'], [11_050_000, '1105万'],
    [230_000_000, '2.3亿'], [-125000, '-12.5万'],
  ])('%d → %s', (value, text) => expect(formatCount(value)).toBe(text));

  it('shows a dash for missing values', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
  });
});

describe('masked values', () => {
  it('masks phones and ID numbers keeping the ends', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('123')).toBe('***');
  });

  it('shows what the server masked, or a dash', () => {
    expect(displayMasked('138****5678')).toBe('138****5678');
    expect(displayMasked(null)).toBe('—');
    expect(displayMasked('')).toBe('—');
  });
});

describe('month-precision dates', () => {
  it('formats month and day precision in Chinese', () => {
    expect(formatPartialDate('1990-05')).toBe('1990年5月');
    expect(formatPartialDate('1990-05-03')).toBe('1990年5月3日');
    expect(formatPartialDate(null)).toBe('—');
  });

  it.each([
    ['1990.05', '1990-05'], ['1990年5月', '1990-05'], ['1990-5', '1990-05'], ['199005', '1990-05'],
    ['１９９０．０５', '1990-05'], ['1990.5.3', '1990-05-03'], ['1990年5月3日', '1990-05-03'], ['19900503', '1990-05-03'],
  ])('keeps the precision of %s', (input, expected) => expect(normalizePartialDate(input)).toBe(expected));

  it.each(['1990.13', '1990-02-30', 'abc', '', '1800-01'])('refuses %s', (input) =>
    expect(normalizePartialDate(input)).toBeNull());
});
