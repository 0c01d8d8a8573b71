/** Whether the client agreed to their photos being used in the consultation report, as ticked in
 * the report panel: per client, with when it was ticked (the report prints the date). Kept for
 * this tab's session (sessionStorage, or in memory when that is blocked): unticked by default, and
 * asked again in a new tab. */
import { create } from 'zustand';
import { localIso } from '../model';

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
