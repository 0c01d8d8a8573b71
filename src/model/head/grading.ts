/** A graded meshing grid: cells of the given size above `startYMm`, growing smoothly below it to
 * `scale` times that size over `spanMm` (real mm), so the bust below the chin costs a fraction
 * of the triangles the head does. It is one grid under a smooth map, grid coordinates (xi, eta,
 * zeta) in mm to space:
 *   y = Y(eta),  x = xi * s(eta),  z = zc + (zeta - zc) * s(eta),
 * so surface nets stays watertight across the change (no seams between resolutions). */
export interface Grading {
  startYMm: number;
  spanMm: number;
  scale: number;
  /** Depth of the axis the cells grow about (the neck's), so the shear stays small near it. */
  centerZMm: number;
}

export class GridMap {
  /** The transition's length in grid coordinates. */
  private readonly lEta: number;

  constructor(readonly g: Grading | null) {
    this.lEta = g ? (2 * g.spanMm) / (g.scale + 1) : 0;
  }

  /** Cell scale s(eta): 1 above the start. */
  scaleAt(eta: number): number {
    const g = this.g;
    if (!g || eta >= g.startYMm) return 1;
    const t = Math.min(1, (g.startYMm - eta) / this.lEta);
    return 1 + (g.scale - 1) * t * t * (3 - 2 * t);
  }

  /** y = Y(eta), the integral of s: smooth (C2) and increasing. */
  yAt(eta: number): number {
    const g = this.g;
    if (!g || eta >= g.startYMm) return eta;
    const delta = g.startYMm - eta;
    const t = Math.min(1, delta / this.lEta);
    // The integral of (s - 1): smoothstep integrates to t^3 - t^4 / 2 (1/2 at t = 1), then linear.
    const grown = this.lEta * (t * t * t - 0.5 * t * t * t * t) + Math.max(0, delta - this.lEta);
    return eta - (g.scale - 1) * grown;
  }

  /** The grid coordinate of a height (the inverse of yAt), by bisection. */
  etaAt(y: number): number {
    const g = this.g;
    if (!g || y >= g.startYMm) return y;
    // Y(eta) <= eta, so eta >= y; and Y falls at least as fast as eta.
    let lo = y,
      hi = g.startYMm;
    for (let i = 0; i < 60; i++) {
      const mid = 0.5 * (lo + hi);
      if (this.yAt(mid) > y) hi = mid;
      else lo = mid;
    }
    return lo;
  }
}
