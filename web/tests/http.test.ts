import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, http, normalizeErrors, readCookie, send, setHttpHooks, toQuery } from '@/api/http';
import { mapFieldErrors } from '@/utils/errors';

type Call = { url: string; init: RequestInit };

function stubFetch(status: number, body?: unknown, contentType = 'application/problem+json') {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers: { 'Content-Type': contentType } });
  }));
  return calls;
}

/** The ApiError a request failed with (fails the test when it succeeded). */
async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

const headersOf = (call: Call) => call.init.headers as Record<string, string>;

describe('http wrapper', () => {
  const onUnauthorized = vi.fn();
  const onMustChangePassword = vi.fn();

  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=tok%2Ben; path=/';
    document.cookie = 'other=1; path=/';
    onUnauthorized.mockReset();
    onMustChangePassword.mockReset();
    setHttpHooks({ onUnauthorized, onMustChangePassword });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the XSRF cookie as X-XSRF-TOKEN on POST, PUT and DELETE', async () => {
    const calls = stubFetch(204);
    await http.post('/api/a', { x: 1 });
    await http.put('/api/a', { x: 1 });
    await http.del('/api/a');
    for (const call of calls) expect(headersOf(call)['X-XSRF-TOKEN']).toBe('tok+en');
    expect(calls.map((c) => c.init.method)).toEqual(['POST', 'PUT', 'DELETE']);
  });

  it('does not send the token on GET and always uses same-origin credentials', async () => {
    const calls = stubFetch(200, { ok: true }, 'application/json');
    const data = await http.get<{ ok: boolean }>('/api/a', { query: { q: '王', empty: '', none: undefined, page: 2 } });
    expect(data).toEqual({ ok: true });
    expect(headersOf(calls[0])['X-XSRF-TOKEN']).toBeUndefined();
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(calls[0].url).toBe('/api/a?q=%E7%8E%8B&page=2');
  });

  it('sends JSON bodies with a content type, FormData without one', async () => {
    const calls = stubFetch(204);
    await http.post('/api/json', { a: 1 });
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.xlsx');
    await http.post('/api/upload', form);
    expect(headersOf(calls[0])['Content-Type']).toBe('application/json');
    expect(calls[0].init.body).toBe('{"a":1}');
    expect(headersOf(calls[1])['Content-Type']).toBeUndefined();
    expect(calls[1].init.body).toBeInstanceOf(FormData);
  });

  it('parses ProblemDetails into an ApiError with normalized field errors', async () => {
    stubFetch(400, {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: '输入有误', status: 400,
      errors: { Name: ['请输入姓名'], 'Accounts[0].Handle': ['账号不能为空'], '$.idNumber': ['身份证号校验位不正确'] },
    });
    const error = await failure(http.post('/api/figures', {}));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.isValidation).toBe(true);
    expect(error.title).toBe('输入有误');
    expect(error.fieldErrors).toEqual({
      name: ['请输入姓名'], 'accounts[0].handle': ['账号不能为空'], idNumber: ['身份证号校验位不正确'],
    });
    expect(error.message).toBe('输入有误');
  });

  it('uses detail as the message and survives a non-JSON body', async () => {
    stubFetch(409, { title: 'Conflict', detail: '该记录已被他人修改' });
    const conflict = await failure(http.put('/api/figures/1', {}));
    expect(conflict.isConflict).toBe(true);
    expect(conflict.message).toBe('该记录已被他人修改');

    stubFetch(502, '<html>bad gateway</html>', 'text/html');
    const gateway = await failure(http.get('/api/x'));
    expect(gateway).toBeInstanceOf(ApiError);
    expect(gateway.problem).toBeNull();
    expect(gateway.message).toBe('HTTP 502');
  });

  it('calls the unauthorized hook on 401 unless told not to', async () => {
    stubFetch(401, { title: 'Unauthorized' });
    await send('GET', '/api/figures').catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await send('POST', '/api/auth/login', { noAuthRedirect: true }).catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('calls the change-password hook on 403 with a must-change-password type only', async () => {
    stubFetch(403, { type: 'https://tongxin/problems/must-change-password', title: '请先修改密码' });
    const error = await failure(http.get('/api/figures'));
    expect(error.mustChangePassword).toBe(true);
    expect(onMustChangePassword).toHaveBeenCalledTimes(1);

    stubFetch(403, { type: 'https://tongxin/problems/forbidden', title: '没有权限' });
    await http.get('/api/figures').catch(() => undefined);
    expect(onMustChangePassword).toHaveBeenCalledTimes(1);
  });
});

describe('helpers', () => {
  it('reads cookies by exact name', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=abc%3D; XSRF-TOKEN2=x')).toBe('abc=');
    expect(readCookie('missing', 'a=1')).toBeNull();
  });

  it('builds query strings without empty values', () => {
    expect(toQuery({ a: 1, b: '', c: null, d: undefined, e: false })).toBe('?a=1&e=false');
    expect(toQuery({})).toBe('');
  });

  it('normalizes odd error shapes', () => {
    expect(normalizeErrors({ Phone: '手机号码格式不正确', Empty: [] })).toEqual({ phone: ['手机号码格式不正确'] });
    expect(normalizeErrors(null)).toEqual({});
  });
});

describe('mapping errors onto form fields', () => {
  const error = new ApiError(400, {
    title: 'One or more validation errors occurred.',
    errors: { Name: ['请输入姓名'], phone: ['手机号码格式不正确', '手机号码已被占用'], password: ['密码过于常见'], consent: ['需要同意书'] },
  });

  it('puts known fields on the form and leaves the rest for a toast', () => {
    const { fields, rest } = mapFieldErrors(error, ['name', 'phone', 'newPassword'], { password: 'newPassword' });
    expect(fields).toEqual({ name: '请输入姓名', phone: '手机号码格式不正确；手机号码已被占用', newPassword: '密码过于常见' });
    expect(rest).toEqual(['需要同意书']);
  });

  it('falls back to the problem message when there are no field errors', () => {
    const plain = new ApiError(400, { title: '请求无效', detail: '地区不存在' });
    expect(mapFieldErrors(plain, ['name'])).toEqual({ fields: {}, rest: ['地区不存在'] });
  });
});
