/** The fade chart for the report, as an SVG string (vector, with its numbers as real text): visible
 * contrast against years, the touch-up threshold as a dashed line and each touch-up due as a
 * marker. The curve is the planner's own samples, one point per sample; nothing is smoothed or
 * invented here. At a touch-up the curve jumps back up, which draws the sawtooth. */
import type { TouchUpPlan } from '../model';
import { formatNumber, formatYear } from './reportFormat';

export type FadeChartPlan = Pick<TouchUpPlan, 'years' | 'contrastDeltaE00' | 'thresholdDeltaE00' | 'schedule'>;

export interface FadeChartOptions {
  /** Size of the chart in points (the PDF's unit); the SVG scales, these set its proportions. */
  widthPt?: number;
  heightPt?: number;
}

export const CHART_COLOURS = { curve: '#1f5fbf', threshold: '#d97706', touchUp: '#b3261e', axis: '#5b6470', grid: '#e3e7ed', text: '#303740' } as const;

const FONT = 'font-family="Roboto"';
/** Plot area insets: room for the y labels on the left, the x labels below, the legend above. */
const INSET = { left: 46, right: 10, top: 26, bottom: 34 };
/** Touch-up labels closer than this (pt) to the previous one are left out so they do not overlap. */
const MIN_LABEL_GAP_PT = 24;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r2 = (x: number) => Math.round(x * 100) / 100;

/** A "nice" step (1, 2, 2.5 or 5 times a power of ten) giving at most `maxTicks` intervals. */
export function niceStep(span: number, maxTicks: number): number {
  if (!(span > 0)) return 1;
  const raw = span / maxTicks;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

const decimalsOf = (step: number) => Math.max(0, Math.min(3, Math.ceil(-Math.log10(step) - 1e-9)));

/** The contrast at year `t`: the sample at or nearest before it (the value before any touch-up). */
function contrastAt(plan: FadeChartPlan, t: number): number {
  const { years, contrastDeltaE00: c } = plan;
  let k = 0;
  while (k + 1 < years.length && years[k + 1] <= t + 1e-6) k++;
  return c[k];
}

export function fadeChartSvg(plan: FadeChartPlan, horizonYears: number, options: FadeChartOptions = {}): string {
  const W = options.widthPt ?? 515;
  const H = options.heightPt ?? 240;
  const x0 = INSET.left;
  const x1 = W - INSET.right;
  const y0 = H - INSET.bottom;
  const y1 = INSET.top;
  const xMax = horizonYears > 0 ? horizonYears : Math.max(1, plan.years[plan.years.length - 1] ?? 1);
  let top = Number.isFinite(plan.thresholdDeltaE00) ? plan.thresholdDeltaE00 : 0;
  for (const v of plan.contrastDeltaE00) if (Number.isFinite(v) && v > top) top = v;
  const yStep = niceStep(top > 0 ? top * 1.1 : 1, 5);
  const yMax = Math.max(yStep, Math.ceil((top * 1.05) / yStep) * yStep);
  const sx = (t: number) => r2(x0 + (Math.min(Math.max(t, 0), xMax) / xMax) * (x1 - x0));
  const sy = (v: number) => r2(y0 - (Math.min(Math.max(v, 0), yMax) / yMax) * (y0 - y1));

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`);

  // Grid and axes.
  const xStep = niceStep(xMax, 10);
  const xDecimals = decimalsOf(xStep);
  for (let k = 0; k * xStep <= xMax + 1e-9; k++) {
    const t = k * xStep;
    const x = sx(t);
    out.push(`<line class="grid" x1="${x}" y1="${y1}" x2="${x}" y2="${y0}" stroke="${CHART_COLOURS.grid}" stroke-width="0.6"/>`);
    out.push(`<line class="tick" x1="${x}" y1="${y0}" x2="${x}" y2="${y0 + 4}" stroke="${CHART_COLOURS.axis}" stroke-width="0.8"/>`);
    out.push(`<text class="x-tick" x="${x}" y="${y0 + 13}" ${FONT} font-size="8" fill="${CHART_COLOURS.text}" text-anchor="middle">${formatNumber(t, xDecimals)}</text>`);
  }
  const yDecimals = decimalsOf(yStep);
  for (let k = 0; k * yStep <= yMax + 1e-9; k++) {
    const v = k * yStep;
    const y = sy(v);
    if (k > 0) out.push(`<line class="grid" x1="${x0}" y1="${y}" x2="${x1}" y2="${y}" stroke="${CHART_COLOURS.grid}" stroke-width="0.6"/>`);
    out.push(`<text class="y-tick" x="${x0 - 5}" y="${r2(y + 3)}" ${FONT} font-size="8" fill="${CHART_COLOURS.text}" text-anchor="end">${formatNumber(v, yDecimals)}</text>`);
  }
  out.push(`<line class="axis" x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="${CHART_COLOURS.axis}" stroke-width="0.9"/>`);
  out.push(`<line class="axis" x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="${CHART_COLOURS.axis}" stroke-width="0.9"/>`);
  out.push(`<text x="${r2((x0 + x1) / 2)}" y="${H - 6}" ${FONT} font-size="8.5" fill="${CHART_COLOURS.text}" text-anchor="middle">${esc('Years after the first session')}</text>`);
  const yMid = r2((y0 + y1) / 2);
  out.push(`<text x="11" y="${yMid}" ${FONT} font-size="8.5" fill="${CHART_COLOURS.text}" text-anchor="middle" transform="rotate(-90 11 ${yMid})">${esc('Visible contrast, ΔE00')}</text>`);

  // The threshold, then the curve over it, then the touch-ups on the curve.
  if (Number.isFinite(plan.thresholdDeltaE00)) {
    const y = sy(plan.thresholdDeltaE00);
    out.push(`<line class="threshold" x1="${x0}" y1="${y}" x2="${x1}" y2="${y}" stroke="${CHART_COLOURS.threshold}" stroke-width="1.2" stroke-dasharray="5 3"/>`);
  }
  const points: string[] = [];
  for (let k = 0; k < plan.years.length; k++) {
    const t = plan.years[k];
    const v = plan.contrastDeltaE00[k];
    if (!Number.isFinite(t) || !Number.isFinite(v) || t > xMax + 1e-6) continue;
    points.push(`${sx(t)},${sy(v)}`);
  }
  out.push(`<polyline class="contrast" points="${points.join(' ')}" fill="none" stroke="${CHART_COLOURS.curve}" stroke-width="1.6" stroke-linejoin="round"/>`);
  let lastLabelX = -Infinity;
  for (const t of plan.schedule) {
    if (!(t <= xMax + 1e-6)) continue;
    const x = sx(t);
    const v = contrastAt(plan, t);
    const y = sy(Number.isFinite(v) ? v : 0);
    out.push(`<line class="touch-up-line" x1="${x}" y1="${y1}" x2="${x}" y2="${y0}" stroke="${CHART_COLOURS.touchUp}" stroke-width="0.6" stroke-dasharray="1.5 2"/>`);
    out.push(`<circle class="touch-up" cx="${x}" cy="${y}" r="3.2" fill="${CHART_COLOURS.touchUp}" stroke="#ffffff" stroke-width="0.8"/>`);
    if (x - lastLabelX >= MIN_LABEL_GAP_PT) {
      out.push(`<text class="touch-up-label" x="${x}" y="${y1 - 3}" ${FONT} font-size="8" fill="${CHART_COLOURS.touchUp}" text-anchor="middle">${formatYear(t)}</text>`);
      lastLabelX = x;
    }
  }

  // Legend, top left, above the plot.
  const ly = 9;
  let lx = x0;
  const legend = (mark: string, label: string, widthPt: number) => {
    out.push(mark);
    out.push(`<text x="${lx + 20}" y="${ly + 3}" ${FONT} font-size="8" fill="${CHART_COLOURS.text}">${esc(label)}</text>`);
    lx += widthPt;
  };
  legend(`<line x1="${lx}" y1="${ly}" x2="${lx + 16}" y2="${ly}" stroke="${CHART_COLOURS.curve}" stroke-width="1.6"/>`, 'Visible contrast', 100);
  legend(`<line x1="${lx}" y1="${ly}" x2="${lx + 16}" y2="${ly}" stroke="${CHART_COLOURS.threshold}" stroke-width="1.2" stroke-dasharray="5 3"/>`, 'Touch-up threshold', 115);
  legend(`<circle cx="${lx + 8}" cy="${ly}" r="3.2" fill="${CHART_COLOURS.touchUp}"/>`, 'Touch-up due (year)', 120);

  out.push('</svg>');
  return out.join('\n');
}
