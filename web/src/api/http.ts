// Fetch wrapper: same-origin cookies, anti-forgery header, ProblemDetails → ApiError, auth redirects.

export interface ProblemBody {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  errors?: Record<string, string[]>;
  [extra: string]: unknown;
}

/** An HTTP error with the server's ProblemDetails already parsed. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string | null;
  readonly title: string | null;
  readonly detail: string | null;
  /** Field errors keyed by the camelCase field name (server keys are normalized). */
  readonly fieldErrors: Record<string, string[]>;
  readonly problem: ProblemBody | null;

  constructor(status: number, problem: ProblemBody | null, fallback?: string) {
    const fieldErrors = normalizeErrors(problem?.errors);
    const firstField = Object.values(fieldErrors)[0]?.[0];
    super(problem?.detail || problem?.title || firstField || fallback || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = problem?.type ?? null;
    this.title = problem?.title ?? null;
    this.detail = problem?.detail ?? null;
    this.fieldErrors = fieldErrors;
    this.problem = problem;
  }

  get isConflict() { return this.status === 409; }
  get isValidation() { return this.status === 400 || this.status === 422; }
  get mustChangePassword() { return this.status === 403 && isMustChangePasswordType(this.type); }
  /** Every message, for a toast when the error has no field to attach to. */
  get allMessages(): string[] {
    const list = Object.values(this.fieldErrors).flat();
    return list.length ? list : [this.message];
  }
}

/** A network failure (server down, proxy error) — not an HTTP answer. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

export function isMustChangePasswordType(type: string | null | undefined): boolean {
  return !!type && type.replace(/\/+$/, '').endsWith('must-change-password');
}

/** 401 of sign-in when the account has a second factor and the code is missing or wrong. */
export function isTotpRequiredType(type: string | null | undefined): boolean {
  return !!type && type.replace(/\/+$/, '').endsWith('totp-required');
}

/** `Accounts[0].Handle` or `$.accounts[0].handle` → `accounts[0].handle`; `Name` → `name`. */
export function normalizeFieldName(key: string): string {
  return key
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)
    .map((part) => (part ? part[0].toLowerCase() + part.slice(1) : part))
    .join('.');
}

export function normalizeErrors(errors: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!errors || typeof errors !== 'object') return out;
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    const messages = Array.isArray(value) ? value.map(String) : value == null ? [] : [String(value)];
    if (!messages.length) continue;
    const name = normalizeFieldName(key) || '_';
    (out[name] ??= []).push(...messages);
  }
  return out;
}

export function readCookie(name: string, cookieString: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=x`, leaving out empty values. */
export function toQuery(params?: object): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params as Record<string, QueryValue | QueryValue[]>)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null || v === '') continue;
      search.append(key, String(v));
    }
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: object;
  body?: unknown;
  /** Do not redirect to /login on 401 (sign-in itself, /api/me during start-up). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

export interface HttpHooks {
  onUnauthorized(): void;
  onMustChangePassword(): void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const defaultHooks: HttpHooks = {
  onUnauthorized() {
    if (typeof window === 'undefined' || window.location.pathname === '/login') return;
    const back = window.location.pathname + window.location.search;
    window.location.assign(`/login?redirect=${encodeURIComponent(back)}`);
  },
  onMustChangePassword() {
    if (typeof window === 'undefined' || window.location.pathname === '/change-password') return;
    window.location.assign('/change-password');
  },
};
let hooks: HttpHooks = defaultHooks;

/** Lets the router replace full-page redirects with in-app navigation. */
export function setHttpHooks(next: Partial<HttpHooks>) {
  hooks = { ...defaultHooks, ...next };
}

async function parseProblem(res: Response): Promise<ProblemBody | null> {
  const text = await res.text().catch(() => '');
  if (!text) return null;
  try {
    const body = JSON.parse(text);
    return body && typeof body === 'object' ? (body as ProblemBody) : { detail: String(body) };
  } catch {
    return null;
  }
}

/** Sends a request; returns the raw Response on success, throws ApiError / NetworkError otherwise. */
export async function send(method: string, url: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (!SAFE_METHODS.has(method.toUpperCase())) {
    const token = readCookie('XSRF-TOKEN');
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let res: Response;
  try {
    res = await fetch(url + toQuery(options.query), {
      method, headers, body, credentials: 'same-origin', signal: options.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new NetworkError(e);
  }
  if (res.ok) return res;

  const problem = await parseProblem(res);
  const error = new ApiError(res.status, problem);
  if (res.status === 401 && !options.noAuthRedirect) hooks.onUnauthorized();
  if (error.mustChangePassword) hooks.onMustChangePassword();
  throw error;
}

async function json<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: async <T>(url: string, options?: RequestOptions) => json<T>(await send('GET', url, options)),
  post: async <T = void>(url: string, body?: unknown, options?: RequestOptions) => json<T>(await send('POST', url, { ...options, body })),
  put: async <T = void>(url: string, body?: unknown, options?: RequestOptions) => json<T>(await send('PUT', url, { ...options, body })),
  del: async <T = void>(url: string, options?: RequestOptions) => json<T>(await send('DELETE', url, options)),
  /** Same as post but also returns the status (import answers 200 with a report or 202 with a job). */
  postWithStatus: async <T>(url: string, body?: unknown, options?: RequestOptions) => {
    const res = await send('POST', url, { ...options, body });
    return { status: res.status, data: await json<T>(res) };
  },
};
