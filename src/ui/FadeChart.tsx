/** Visible contrast against years, one curve per scenario, with the touch-up threshold line and
 * the touch-ups due (uPlot: a small, maintained canvas chart library). The curves are the
 * planner's own samples; no figure is invented here. */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TouchUpPlan } from '../model';
import { useFirstPictureShown } from './firstPicture';

export interface ChartCurve {
  label: string;
  plan: TouchUpPlan;
  colour: string;
}

const THRESHOLD_COLOUR = '#d97706';

export function FadeChart({ curves, width }: { curves: ChartCurve[]; width: number }) {
  const box = useRef<HTMLDivElement>(null);
  // The chart's canvas waits for the first picture: the browser's first 2D canvas waits for its
  // GPU thread, which a CPU rasteriser (SwiftShader) keeps busy for seconds baking the first dots.
  const shown = useFirstPictureShown();
  useEffect(() => {
    const el = box.current;
    if (!el || !curves.length || !shown) return;
    const x = Array.from(curves[0].plan.years);
    const data: uPlot.AlignedData = [x, ...curves.map((c) => Array.from(c.plan.contrastDeltaE00)), x.map(() => curves[0].plan.thresholdDeltaE00)];
    const touchUps = curves[0].plan.schedule;
    const chart = new uPlot(
      {
        width,
        height: 220,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, max * 1.1] } },
        axes: [
          { label: 'Years after the sessions', size: 36, labelSize: 18 },
          { label: 'Visible contrast, ΔE00', size: 44, labelSize: 18 },
        ],
        series: [{}, ...curves.map((c, k) => ({ label: c.label, stroke: c.colour, width: k === 0 ? 2.5 : 1.5 })), { label: 'Touch-up threshold', stroke: THRESHOLD_COLOUR, width: 1, dash: [5, 4] }],
        hooks: {
          // The touch-ups due under the design's own scenario, as vertical marks.
          draw: [
            (u) => {
              const ctx = u.ctx;
              ctx.save();
              ctx.strokeStyle = THRESHOLD_COLOUR;
              ctx.lineWidth = 1.5 * devicePixelRatio;
              for (const t of touchUps) {
                const px = u.valToPos(t, 'x', true);
                ctx.beginPath();
                ctx.moveTo(px, u.bbox.top);
                ctx.lineTo(px, u.bbox.top + u.bbox.height);
                ctx.stroke();
              }
              ctx.restore();
            },
          ],
        },
      },
      data,
      el,
    );
    return () => chart.destroy();
  }, [curves, width, shown]);
  return <div ref={box} className="fade-chart" data-testid="fade-chart" data-curves={curves.length} />;
}
