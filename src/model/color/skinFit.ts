/** Fitting the optical model (optics.ts) to a client's skin colour.
 * Every figure here that is not followed by a source is an assumption of this model.
 *
 * Fitting the skin: f_mel, f_blood and one scale on both layers' scattering are fitted so the bare
 * skin's CIELAB matches the client's skin (Levenberg-Marquardt on the CIELAB difference, from fixed
 * starting points). The scattering scale comes out at 0.17-0.31 of Jacques' values for the presets:
 * the model needs less scattering, relative to absorption, than Jacques' in-vitro figures to produce
 * skin's colour. What the fit misses (skinFit().residualDeltaE00; 0.000 for the presets) is then
 * removed by scaling X, Y and Z by the ratio of the measured to the modelled skin, applied to the dot
 * too, so a dot of concentration 0 is exactly the skin the app shows.
 */
import type { Lab } from './lab';
import { BAND_COUNT } from './spectra';
import { checkLab } from './colorInput';
import { deltaE2000 } from './deltaE';
import { labToXyz, xyzToLab } from './convert';
import { coefficients, newCoeffs, skinSpectrum, xyz, type Coeffs, type Params } from './skinLayers';

/** The fitted optical make-up of a client's skin. */
export interface SkinOptics {
  /** The skin colour it was fitted to. */
  readonly skin: Readonly<Lab>;
  /** Epidermal melanosome volume fraction. */
  readonly melanin: number;
  /** Dermal blood volume fraction. */
  readonly blood: number;
  /** Scale on Jacques' scattering of both layers. */
  readonly scatter: number;
  /** CIELAB of the fitted model's bare skin, before the final calibration. */
  readonly modelLab: Readonly<Lab>;
  /** CIEDE2000 between the fitted model's bare skin and `skin`; large for colours no skin has. */
  readonly residualDeltaE00: number;
  /** X, Y, Z scale applied to every colour so bare skin comes out exactly as `skin`. */
  readonly calibration: readonly [number, number, number];
}

// ---------------------------------------------------------------- fitting the skin

const BOUNDS: Record<keyof Params, [number, number]> = {
  melanin: [0.001, 0.6],
  blood: [0.0005, 0.3],
  scatter: [0.1, 4],
};
const KEYS: (keyof Params)[] = ['melanin', 'blood', 'scatter'];

function paramsFrom(u: number[]): Params {
  const p = {} as Params;
  KEYS.forEach((k, j) => {
    const [lo, hi] = BOUNDS[k];
    p[k] = Math.min(hi, Math.max(lo, Math.exp(u[j])));
  });
  return p;
}

const skinScratch = new Float64Array(BAND_COUNT);
const coeffScratch = newCoeffs();

function modelSkinLab(p: Params): Lab {
  const s = skinScratch;
  skinSpectrum(coefficients(p, coeffScratch), s);
  const [X, Y, Z] = xyz(s);
  return xyzToLab(X, Y, Z);
}

function solve3(A: number[][], y: number[]): number[] {
  const m = A.map((row, i) => [...row, y[i]]);
  for (let c = 0; c < 3; c++) {
    let piv = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const k = m[r][c] / m[c][c];
      for (let j = c; j < 4; j++) m[r][j] -= k * m[c][j];
    }
  }
  return [m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]];
}

/** Levenberg-Marquardt from `u0` (log parameters); returns the end point and its squared residual. */
function levenbergMarquardt(target: Lab, u0: number[]): { u: number[]; cost: number } {
  const residual = (u: number[]) => {
    const lab = modelSkinLab(paramsFrom(u));
    return [lab.L - target.L, lab.a - target.a, lab.b - target.b];
  };
  const cost = (r: number[]) => r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
  let u = [...u0];
  let r = residual(u);
  let lambda = 1e-3;
  for (let iter = 0; iter < 100 && cost(r) > 1e-10; iter++) {
    const J: number[][] = [[], [], []];
    for (let j = 0; j < 3; j++) {
      const h = 1e-5;
      const up = [...u];
      up[j] += h;
      const rp = residual(up);
      for (let k = 0; k < 3; k++) J[k][j] = (rp[k] - r[k]) / h;
    }
    // (JtJ + lambda diag(JtJ)) du = -Jt r
    const JtJ = [0, 1, 2].map((a) => [0, 1, 2].map((b) => J[0][a] * J[0][b] + J[1][a] * J[1][b] + J[2][a] * J[2][b]));
    const Jtr = [0, 1, 2].map((a) => J[0][a] * r[0] + J[1][a] * r[1] + J[2][a] * r[2]);
    let improved = false;
    for (let tries = 0; tries < 12; tries++) {
      const A = JtJ.map((row, a) => row.map((v, b) => (a === b ? v * (1 + lambda) + 1e-12 : v)));
      const du = solve3(
        A,
        Jtr.map((v) => -v),
      );
      // Keep the parameters inside their bounds (in log space).
      const next = u.map((v, j) => {
        const [lo, hi] = BOUNDS[KEYS[j]];
        return Math.min(Math.log(hi), Math.max(Math.log(lo), v + du[j]));
      });
      const rn = residual(next);
      if (cost(rn) < cost(r)) {
        u = next;
        r = rn;
        lambda = Math.max(lambda / 3, 1e-9);
        improved = true;
        break;
      }
      lambda *= 4;
    }
    if (!improved) break;
  }
  return { u, cost: cost(r) };
}

/** Starting points: a coarse grid over melanin and blood at three levels of scattering. Fixed, so
 * the fit is deterministic. */
const START_SCATTER = [0.2, 0.5, 1.5];
const STARTS: number[][][] = START_SCATTER.map((s) => {
  const out: number[][] = [];
  for (const m of [0.005, 0.02, 0.06, 0.15, 0.35]) for (const b of [0.003, 0.01, 0.04]) out.push([Math.log(m), Math.log(b), Math.log(s)]);
  return out;
});

/** The model has more than one make-up of the same colour: for light skin a fit with less and one
 * with more scattering. Deeply pigmented skin has only one, at about a quarter of Jacques'
 * scattering (fitted: 0.26 for type V, 0.24 for type VI). Assuming the dermis scatters much the
 * same in everyone, of the fits that reach the colour keep the one whose scale is nearest
 * SCATTER_REFERENCE (nearest in log); if none reaches the colour, the closest fit. */
export const SCATTER_REFERENCE = 0.25;
const REF = Math.log(SCATTER_REFERENCE);

function fitParams(target: Lab): Params {
  const startCost = (u: number[]) => {
    const lab = modelSkinLab(paramsFrom(u));
    return (lab.L - target.L) ** 2 + (lab.a - target.a) ** 2 + (lab.b - target.b) ** 2;
  };
  const runs: { u: number[]; cost: number }[] = [];
  for (const level of STARTS) {
    let best = level[0];
    let bestCost = Infinity;
    for (const u of level) {
      const c = startCost(u);
      if (c < bestCost) [best, bestCost] = [u, c];
    }
    runs.push(levenbergMarquardt(target, best));
  }
  const reached = runs.filter((r) => r.cost < 1e-4);
  const pick = reached.length ? reached.reduce((x, y) => (Math.abs(y.u[2] - REF) < Math.abs(x.u[2] - REF) ? y : x)) : runs.reduce((x, y) => (y.cost < x.cost ? y : x));
  return paramsFrom(pick.u);
}

const fitCache = new Map<string, SkinOptics>();
const FIT_CACHE_SIZE = 64;
const fitCoeffs = new WeakMap<SkinOptics, Coeffs>();

export function coeffsOf(fit: SkinOptics): Coeffs {
  return fitCoeffs.get(fit)!;
}

/** Fits the optical model to a skin colour (memoised; the same colour always gives the same fit). */
export function skinFit(skin: Lab): SkinOptics {
  checkLab('skin', skin);
  const key = `${skin.L},${skin.a},${skin.b}`;
  const hit = fitCache.get(key);
  if (hit) return hit;
  const p = fitParams(skin);
  const modelLab = modelSkinLab(p);
  const [Xm, Ym, Zm] = labToXyz(modelLab);
  const [Xt, Yt, Zt] = labToXyz(skin);
  const fit: SkinOptics = Object.freeze({
    skin: Object.freeze({ ...skin }),
    ...p,
    modelLab: Object.freeze(modelLab),
    residualDeltaE00: deltaE2000(modelLab, skin),
    calibration: Object.freeze([Xt / Xm, Yt / Ym, Zt / Zm] as const),
  });
  fitCoeffs.set(fit, coefficients(p, newCoeffs()));
  if (fitCache.size >= FIT_CACHE_SIZE) fitCache.delete(fitCache.keys().next().value as string);
  fitCache.set(key, fit);
  return fit;
}
