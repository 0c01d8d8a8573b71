import type { ScalpChart } from '../head/types';

/** How the chart stretches the surface, per chart grid node: the chart-plane images (mm of
 * chart per mm of surface) of two orthonormal tangent directions. A round dot of radius r on
 * the head is, in the chart, the ellipse { r (s a + t b) : s^2 + t^2 <= 1 } with a, b these
 * images; so a renderer that draws that ellipse keeps dots round and true to size on the head.
 * Layout: 4 floats per node [ax, ay, bx, by], nodes as in ScalpChart.rhoMm. */
export function chartStretch(chart: ScalpChart): Float32Array {
  const cols = chart.thetaSteps + 1;
  const rows = chart.phiSteps + 1;
  const s = chart.surfaceMm;
  const out = new Float32Array(rows * cols * 4);
  const dPhi = (2 * Math.PI) / chart.phiSteps;
  const chartXY = (j: number, i: number): [number, number] => {
    const rho = chart.rhoMm[j * cols + i];
    const phi = j * dPhi;
    return [rho * Math.cos(phi), rho * Math.sin(phi)];
  };
  for (let j = 0; j < chart.phiSteps; j++) {
    const jm = (j + chart.phiSteps - 1) % chart.phiSteps;
    const jp = (j + 1) % chart.phiSteps;
    for (let i = 1; i < cols; i++) {
      const ia = i - 1,
        ib = i < cols - 1 ? i + 1 : i;
      // Surface derivatives along theta (T) and phi (P), by differences over the grid.
      const ka = (j * cols + ia) * 3,
        kb = (j * cols + ib) * 3,
        kc = (jm * cols + i) * 3,
        kd = (jp * cols + i) * 3;
      const T = [s[kb] - s[ka], s[kb + 1] - s[ka + 1], s[kb + 2] - s[ka + 2]];
      const P = [s[kd] - s[kc], s[kd + 1] - s[kc + 1], s[kd + 2] - s[kc + 2]];
      const [xa, ya] = chartXY(j, ia),
        [xb, yb] = chartXY(j, ib),
        [xc, yc] = chartXY(jm, i),
        [xd, yd] = chartXY(jp, i);
      const cT = [xb - xa, yb - ya];
      const cP = [xd - xc, yd - yc];
      // Orthonormal tangent frame e1 = T / |T|, e2 = the rest of P, normalised; in the (T, P)
      // basis e1 = (1/|T|, 0) and e2 = (-(T.P)/|T|^2 k, k) with k = 1 / |P - (T.P)/|T|^2 T|.
      const tt = T[0] * T[0] + T[1] * T[1] + T[2] * T[2];
      const tp = T[0] * P[0] + T[1] * P[1] + T[2] * P[2];
      const perp = [P[0] - (tp / tt) * T[0], P[1] - (tp / tt) * T[1], P[2] - (tp / tt) * T[2]];
      const k = 1 / Math.hypot(perp[0], perp[1], perp[2]);
      const e1 = 1 / Math.sqrt(tt);
      const o = (j * cols + i) * 4;
      out[o] = cT[0] * e1;
      out[o + 1] = cT[1] * e1;
      out[o + 2] = (cP[0] - (tp / tt) * cT[0]) * k;
      out[o + 3] = (cP[1] - (tp / tt) * cT[1]) * k;
    }
    // At the pole the chart is locally an isometry up to rotation: take the first ring's.
    out.copyWithin(j * cols * 4, (j * cols + 1) * 4, (j * cols + 2) * 4);
  }
  out.copyWithin(chart.phiSteps * cols * 4, 0, cols * 4);
  return out;
}
