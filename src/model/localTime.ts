/** Dates as the person at the device reads them: a consultation or a report made late in the
 * evening is dated that day, not the next one as UTC would have it west of Greenwich. */

const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');

/** `at` in ISO 8601 with the device's own offset, e.g. 2026-12-07T23:30:00-05:00. */
export function localIso(at: Date): string {
  const offsetMin = -at.getTimezoneOffset();
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  return `${date}${offsetMin < 0 ? '-' : '+'}${pad(offsetMin / 60)}:${pad(offsetMin % 60)}`;
}

/** The device's own date of `at`, YYYY-MM-DD. */
export const localDay = (at: Date = new Date()): string => localIso(at).slice(0, 10);
