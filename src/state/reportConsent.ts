/** Whether the client agreed to their photos being used in the consultation report, as ticked in
 * the report panel: per client, with when it was ticked (the report prints the date). Kept for
 * this tab's session (sessionStorage, or in memory when that is blocked): unticked by default, and
 * asked again in a new tab. */
import { create } from 'zustand';

const KEY = 'smp-studio.report-photo-consent';

function saved(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter(([, at]) => typeof at === 'string' && !Number.isNaN(Date.parse(at))));
  } catch {
    return {};
  }
}

/** `at` in ISO 8601 with the device's own offset, so the date printed is the local one. */
function localIso(at: Date): string {
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offsetMin = -at.getTimezoneOffset();
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  return `${date}${offsetMin < 0 ? '-' : '+'}${pad(offsetMin / 60)}:${pad(offsetMin % 60)}`;
}

/** Client id -> when the client agreed (ISO 8601, local time). */
export const useReportConsent = create<{ given: Record<string, string> }>()(() => ({ given: saved() }));

export function setReportConsent(clientId: string, agreed: boolean, at = new Date()): void {
  const given = { ...useReportConsent.getState().given };
  if (agreed) given[clientId] = localIso(at);
  else delete given[clientId];
  useReportConsent.setState({ given });
  try {
    sessionStorage.setItem(KEY, JSON.stringify(given));
  } catch {
    // Storage blocked: the choice holds until the page is closed.
  }
}
