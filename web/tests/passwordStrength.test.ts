import { describe, expect, it } from 'vitest';
import { checkStrength, loadStrengthEstimator, namedProblem } from '@/utils/passwordStrength';

describe('password strength (the server rule, as the user types)', () => {
  it('refuses the product name and the demo password before the estimator loads', () => {
    expect(namedProblem('Tongxin-Demo-2026')).toBe('demo');
    expect(namedProblem('tongxin12345')).toBe('productName');
    expect(namedProblem('我的同心密码')).toBe('productName');
    expect(checkStrength('TONG XIN lovely 99')?.problem).toBe('productName');
  });

  it('refuses keyboard walks and common words with digits, accepts long unrelated words', async () => {
    await loadStrengthEstimator();
    for (const weak of ['qwertyuiop12', 'password1234', '1qaz2wsx3edc', 'abcabcabcabc']) {
      expect(checkStrength(weak)?.ok, weak).toBe(false);
    }
    expect(checkStrength('zhangsan19850101', ['zhangsan'])?.ok).toBe(false);
    for (const strong of ['Correct-Horse-Battery-9', 'river plum lantern 58 quietly', 'Another-Long-Passphrase-42']) {
      const s = checkStrength(strong);
      expect(s?.ok, strong).toBe(true);
      expect(s?.score).toBeGreaterThanOrEqual(3);
    }
  });
});
