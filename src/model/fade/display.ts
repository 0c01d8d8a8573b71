/** The fading model's closed forms averaged over dots, for drawing any year at once: the shader
 * evaluates these per pixel from a handful of constants, so moving the timeline costs a uniform.
 * Per-dot variation (healing spread, lost dots, the lognormal rate factors) is left to the
 * simulation's figures; the picture shows each session's mean at the surface's own orientation. */
import type { Design } from '../design';
import { healingOf, HEAL_TIME_YEARS, K_CLEARANCE, K_UV_PER_KJ, SPREAD_REF_DEPTH_MM, SPREAD_REF_MM2_PER_YEAR } from './params';
import { parseFadeScenario } from './scenario';
import { fadeOrientation, fadeRemaining } from './formula';
import { DIFFUSE_SHARE, scalpAnnualDoseKJ } from './uv';

export interface FadeDisplay {
  /** Mean share of pigment a dot keeps once healed, lost dots included. */
  healedRetention: number;
  healTimeYears: number;
  /** Loss rates per year: immune clearance, and UV on a surface facing the sky. */
  clearancePerYear: number;
  uvPerYearAtSky: number;
  /** Share of the UV that comes from the whole sky (formula.ts fadeOrientation). */
  diffuseShare: number;
  /** Growth of a dot's area, d² per year (mm²). */
  spreadMm2PerYear: number;
}

/** Per scenario object (designs are never changed in place): the frames ask for these every time
 * they write the inks, twice a frame when comparing two years, and parsing the scenario is what
 * costs. */
const byScenario = new WeakMap<object, { depthMm: number; display: FadeDisplay }>();

export function fadeDisplay(design: Pick<Design, 'fade' | 'pigment'>): FadeDisplay {
  const known = byScenario.get(design.fade);
  if (known && known.depthMm === design.pigment.depthMm) return known.display;
  const display = computeFadeDisplay(design);
  byScenario.set(design.fade, { depthMm: design.pigment.depthMm, display });
  return display;
}

function computeFadeDisplay(design: Pick<Design, 'fade' | 'pigment'>): FadeDisplay {
  const s = parseFadeScenario(design.fade);
  const { meanRetention, lostShare } = healingOf(s.aftercare);
  return {
    healedRetention: meanRetention * (1 - lostShare),
    healTimeYears: HEAL_TIME_YEARS,
    clearancePerYear: K_CLEARANCE,
    uvPerYearAtSky: K_UV_PER_KJ * scalpAnnualDoseKJ(s),
    diffuseShare: DIFFUSE_SHARE,
    spreadMm2PerYear: SPREAD_REF_MM2_PER_YEAR * (design.pigment.depthMm / SPREAD_REF_DEPTH_MM),
  };
}

/** Mean share of pigment left `years` after a session on a surface whose normal has vertical part `ny`. */
export function displayRemaining(f: FadeDisplay, years: number, ny: number): number {
  return fadeRemaining(f.healedRetention, f.clearancePerYear + f.uvPerYearAtSky * fadeOrientation(ny, f.diffuseShare), years, f.healTimeYears);
}

/** (d / d0)² of a dot placed at `diameterMm`, `years` later. */
export function displayGrowth(f: FadeDisplay, diameterMm: number, years: number): number {
  return 1 + (f.spreadMm2PerYear * years) / (diameterMm * diameterMm);
}
