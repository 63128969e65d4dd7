// Display helpers shared by tables, profile and charts.
import { t } from '@/i18n';

const EMPTY = '—';

/** 9999 → "9,999"; 125000 → "12.5万"; 11000000 → "1100万"; 230000000 → "2.3亿". */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  const sign = value < 0 ? '-' : '';
  const n = Math.abs(value);
  if (n < 10_000) return sign + n.toLocaleString('en-US');
  if (n < 100_000_000) {
    const wan = n / 10_000;
    return t('format.wan', { n: sign + (wan >= 1000 ? String(Math.round(wan)) : trimDecimal(wan, 1)) });
  }
  return t('format.yi', { n: sign + trimDecimal(n / 100_000_000, 2) });
}

function trimDecimal(value: number, digits: number): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

/** Shows a server-masked value, or a dash when there is none. */
export function displayMasked(value: string | null | undefined): string {
  return value ? value : EMPTY;
}

/** 13812345678 → "138****5678" (client-side fallback; the server normally masks). */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return EMPTY;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '****' + digits.slice(-4);
}

/** 18-digit ID number → "110101********1234"-style mask keeping the first 6 and last 4 characters. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return EMPTY;
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

const PARTIAL_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** "1990-05" → "1990年5月"; "1990-05-03" → "1990年5月3日"; anything else returned as is. */
export function formatPartialDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const m = PARTIAL_DATE.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  return d ? t('format.day', { y, m: Number(mo), d: Number(d) }) : t('format.month', { y, m: Number(mo) });
}

/**
 * Reads what people type for a date and keeps its precision:
 * "1990.05", "1990年5月", "1990-5", "199005" → "1990-05"; "1990.5.3", "1990年5月3日", "19900503" → "1990-05-03".
 * Returns null when the input is not a valid date.
 */
export function normalizePartialDate(input: string | null | undefined): string | null {
  if (!input) return null;
  // Full-width digits and punctuation (U+FF01–FF5E) → ASCII.
  const s = input.trim().replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // \u5e74 年, \u6708 月, \u65e5 日
  let m = /^(\d{4})\s*[-./\u5e74]\s*(\d{1,2})\s*(?:[-./\u6708]\s*(?:(\d{1,2})\s*\u65e5?)?)?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  const ym = `${m[1]}-${String(month).padStart(2, '0')}`;
  if (!m[3]) return ym;
  const day = Number(m[3]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return null;
  return `${ym}-${String(day).padStart(2, '0')}`;
}

/** UTC ISO time → local "yyyy-MM-dd HH:mm". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function formatDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : EMPTY;
}

/** Today as yyyy-MM-dd in local time. */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? EMPTY : String(value);
}

/**
 * A region's full name relative to the user's own region, for narrow table columns:
 * ("四川省泸州市泸县", "四川省泸州市") → "泸县". The full name is returned when it is not below `base`.
 */
export function relativeRegionName(fullName: string | null | undefined, base: string | null | undefined): string {
  if (!fullName) return EMPTY;
  if (base && fullName.length > base.length && fullName.startsWith(base)) return fullName.slice(base.length);
  return fullName;
}
