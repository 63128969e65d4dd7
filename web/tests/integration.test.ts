// Behaviour that depends on how the real server answers (titles in Chinese, totp-required, audit dates).
import { describe, expect, it } from 'vitest';
import { ApiError, isTotpRequiredType } from '@/api/http';
import { errorMessage, serverSentence } from '@/utils/errors';
import { relativeRegionName } from '@/utils/format';
import { dayStartUtc } from '@/views/admin/audit/useAuditList';

describe('server problems', () => {
  it('recognizes the second-factor problem type', () => {
    expect(isTotpRequiredType('https://tongxin.local/problems/totp-required')).toBe(true);
    expect(isTotpRequiredType('https://tongxin.local/problems/totp-required/')).toBe(true);
    expect(isTotpRequiredType('https://tongxin.local/problems/must-change-password')).toBe(false);
    expect(isTotpRequiredType(null)).toBe(false);
  });

  it('shows the Chinese title the server sends, not an English one', () => {
    const notFound = new ApiError(404, { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5', title: '接口不存在或无权查看', status: 404 });
    expect(serverSentence(notFound)).toBe('接口不存在或无权查看');
    expect(errorMessage(notFound)).toBe('接口不存在或无权查看');
    const english = new ApiError(400, { title: 'Bad Request', status: 400 });
    expect(serverSentence(english)).toBeNull();
    expect(errorMessage(english)).toBe('操作失败，请稍后重试');
    const locked = new ApiError(401, { title: '登录失败次数过多，账户已锁定15分钟', status: 401 });
    expect(serverSentence(locked)).toContain('锁定');
  });

  it('prefers field errors over the generic 输入有误 title', () => {
    const e = new ApiError(400, { title: '输入有误', errors: { phone: ['手机号码格式不正确'] } });
    expect(errorMessage(e)).toBe('手机号码格式不正确');
  });
});

describe('relativeRegionName', () => {
  it('drops the part the user already knows', () => {
    expect(relativeRegionName('四川省泸州市泸县', '四川省泸州市')).toBe('泸县');
    expect(relativeRegionName('四川省泸州市', '四川省泸州市')).toBe('四川省泸州市');
    expect(relativeRegionName('四川省成都市', '四川省泸州市')).toBe('四川省成都市');
    expect(relativeRegionName(null, '四川省')).toBe('—');
  });
});

describe('audit date filter', () => {
  it('turns whole local days into instants, the end day included', () => {
    const from = new Date(dayStartUtc('2026-11-23'));
    const to = new Date(dayStartUtc('2026-11-23', 1));
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()]).toEqual([2026, 10, 23, 0]);
    expect(to.getTime() - from.getTime()).toBe(24 * 3600 * 1000);
  });
});
