/** Numbers, money, years and dates as the report prints them. One fixed locale, so the same
 * consultation prints the same report on any device. */
import { HEALED_YEARS } from '../model';

const LOCALE = 'en-GB';
/** Printed for a figure that is missing or not a number, rather than "NaN". */
export const NO_FIGURE = '–';

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}/${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
    formatters.set(key, f);
  }
  return f;
}

/** With thousands separators and a fixed number of decimals: 71313 -> "71,313"; 0.4398 at 2 -> "0.44". */
export function formatNumber(x: number, decimals = 0): string {
  return Number.isFinite(x) ? numberFormat(decimals, decimals).format(x) : NO_FIGURE;
}

/** Up to `maxDecimals`, no trailing zeros, for a setting rather than a result: 2 -> "2", 1.5 -> "1.5". */
export function formatSetting(x: number, maxDecimals = 1): string {
  return Number.isFinite(x) ? numberFormat(0, maxDecimals).format(x) : NO_FIGURE;
}

/** One decimal, the way every year in the report is printed: 4.25 -> "4.3". */
export function formatYear(years: number): string {
  return formatNumber(years, 1);
}

/** "Healed" for the healed view, otherwise "5 years", "1 year", "2.5 years". */
export function yearsLabel(years: number): string {
  if (years <= HEALED_YEARS + 1e-9) return 'Healed';
  const n = Number.isInteger(years) ? formatNumber(years) : formatYear(years);
  return `${n} ${years === 1 ? 'year' : 'years'}`;
}

/** "$1,000"; a currency written in letters gets a space: "CHF 1,000". */
export function formatMoney(currency: string, amount: number): string {
  const n = formatNumber(Math.round(amount));
  if (!currency) return n;
  return /[A-Za-z]$/.test(currency) ? `${currency} ${n}` : `${currency}${n}`;
}

/** "$1,000–$4,500", or one amount when both ends agree. */
export function formatMoneyRange(currency: string, [low, high]: readonly [number, number]): string {
  return low === high ? formatMoney(currency, low) : `${formatMoney(currency, low)}–${formatMoney(currency, high)}`;
}

/** "14–21", or one figure when both round alike. */
export function formatRange([low, high]: readonly [number, number], decimals = 0): string {
  const a = formatNumber(low, decimals);
  const b = formatNumber(high, decimals);
  return a === b ? a : `${a}–${b}`;
}

/** "a, b and c". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "21 November 2026" from an ISO date or date-time. The date is read as written (no time-zone
 * shift), so a consultation on the 21st prints as the 21st wherever the report is made. Text that
 * is not an ISO date is printed as given. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return iso.trim() || NO_FIGURE;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The date an ISO string names, for the PDF's metadata; undefined when it names none. */
export function parseDate(iso: string): Date | undefined {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t) : undefined;
}

/** "Type III" from a Fitzpatrick number. */
export function romanNumeral(n: number): string {
  return ['0', 'I', 'II', 'III', 'IV', 'V', 'VI'][n] ?? String(n);
}

/** Upper-case first letter: "classic" -> "Classic". */
export function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
