/** Main-thread side of the report worker (workers/report.worker.ts): the PDF is laid out there, so
 * making a report never stalls the page. A worker that crashes or goes silent is restarted and the
 * job retried once (JobClient). */
import type { ReportInput } from '../report/reportInput';
import type { ReportWorkerApi } from '../../workers/report.worker';
import { JobClient } from './jobClient';

/** The report with eight views took 1-2 s to lay out in headless Chromium on a 2-core machine,
 * the first one 1 s more to load pdfmake and the fonts. Thirty times that, for slow phones. */
export const REPORT_JOB_TIMEOUT_MS = 60_000;

const spawn = () => new Worker(new URL('../../workers/report.worker.ts', import.meta.url), { type: 'module', name: 'report' });

let client: JobClient<ReportWorkerApi> | null = null;

/** The report as PDF bytes. Throws with a readable message when the worker fails twice. */
export async function renderReportInWorker(input: ReportInput): Promise<Uint8Array> {
  client ??= new JobClient<ReportWorkerApi>(spawn, 'The report could not be written', { timeoutMs: REPORT_JOB_TIMEOUT_MS, supersede: 'queue' });
  const outcome = await client.request<Uint8Array>((api) => api.render(input));
  if (outcome.kind === 'ok') return outcome.value;
  throw new Error(outcome.kind === 'failed' ? outcome.message : 'The report was replaced by a newer one.');
}
