/** The cranium: an egg-shaped superellipsoid. Each half-axis is its own (front/back, top/bottom),
 * so the skull is long and tapered toward the forehead and short and full at the back; the
 * horizontal section is a superellipse |x/a|^n + |z/b|^n = 1 whose exponent n ("fullness") is
 * what the circumference fit turns. */
export interface CraniumParams {
  centerYMm: number;
  centerZMm: number;
  halfBreadthMm: number;
  topMm: number;
  bottomMm: number;
  frontMm: number;
  backMm: number;
  /** Horizontal superellipse exponents in front of and behind the centre (2 = ellipse). */
  frontExponent: number;
  backExponent: number;
}

const TABLE_STEPS = 256;

/** g(r) = (1 + r^n)^(1/n) on [0, 1] and its derivative, tabulated for cubic Hermite
 * interpolation: the superellipse gauge is then max(|x|, |z|) * g(min / max) without Math.pow,
 * which costs ~90 ns a call and would dominate the SDF. */
function gaugeTable(n: number): Float64Array {
  const t = new Float64Array(2 * (TABLE_STEPS + 1));
  for (let i = 0; i <= TABLE_STEPS; i++) {
    const r = i / TABLE_STEPS;
    const rn = Math.pow(r, n);
    const g = Math.pow(1 + rn, 1 / n);
    t[2 * i] = g;
    t[2 * i + 1] = r === 0 ? 0 : (rn / r) * (g / (1 + rn)); // r^(n-1) (1 + r^n)^(1/n - 1)
  }
  return t;
}

export class Cranium {
  private readonly front: Float64Array;
  private readonly back: Float64Array;
  /** Scratch: g and g' of the last lookup. */
  private g = 0;
  private dg = 0;

  constructor(readonly p: CraniumParams) {
    this.front = gaugeTable(p.frontExponent);
    this.back = gaugeTable(p.backExponent);
  }

  private lookup(t: Float64Array, r: number): void {
    const s = r * TABLE_STEPS;
    let i = s | 0;
    if (i >= TABLE_STEPS) i = TABLE_STEPS - 1;
    const u = s - i;
    const h = 1 / TABLE_STEPS;
    const g0 = t[2 * i],
      d0 = t[2 * i + 1] * h,
      g1 = t[2 * i + 2],
      d1 = t[2 * i + 3] * h;
    const u2 = u * u,
      u3 = u2 * u;
    this.g = (2 * u3 - 3 * u2 + 1) * g0 + (u3 - 2 * u2 + u) * d0 + (-2 * u3 + 3 * u2) * g1 + (u3 - u2) * d1;
    this.dg = ((6 * u2 - 6 * u) * g0 + (3 * u2 - 4 * u + 1) * d0 + (-6 * u2 + 6 * u) * g1 + (3 * u2 - 2 * u) * d1) / h;
  }

  /** Signed distance bound (mm). The gauge r(p) (homogeneous of degree 1, convex) is 1 on the
   * surface; (r - 1) / |grad r| is the distance to the tangent plane where the ray from the
   * centre meets the surface: a lower bound outside, and clamped inside, where it would
   * overstate the depth. */
  distance(x: number, y: number, z: number): number {
    const c = this.p;
    const qy = y - c.centerYMm;
    const qz = z - c.centerZMm;
    const a = c.halfBreadthMm;
    const by = qy > 0 ? c.topMm : c.bottomMm;
    const bz = qz > 0 ? c.frontMm : c.backMm;
    const ax = (x < 0 ? -x : x) / a;
    const ay = (qy < 0 ? -qy : qy) / by;
    const az = (qz < 0 ? -qz : qz) / bz;
    // Horizontal gauge H = (ax^n + az^n)^(1/n) = u g(v / u), u = max, v = min.
    const table = qz > 0 ? this.front : this.back;
    let hx: number, hz: number, H: number;
    if (ax >= az) {
      if (ax < 1e-12) {
        H = 0;
        hx = 0;
        hz = 0;
      } else {
        this.lookup(table, az / ax);
        H = ax * this.g;
        hz = this.dg;
        hx = this.g - (az / ax) * this.dg;
      }
    } else {
      this.lookup(table, ax / az);
      H = az * this.g;
      hx = this.dg;
      hz = this.g - (ax / az) * this.dg;
    }
    const r = Math.sqrt(H * H + ay * ay);
    if (r < 1e-12) return -0.9 * Math.min(a, by, bz);
    const gx = ((H / r) * hx) / a;
    const gz = ((H / r) * hz) / bz;
    const gy = ay / r / by;
    const d = (r - 1) / Math.sqrt(gx * gx + gy * gy + gz * gz);
    const inner = 0.9 * Math.min(a, by, bz);
    return d > -inner ? d : -inner;
  }
}
