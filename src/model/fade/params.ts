/** Per-dot fading parameters, drawn once per dot from the design's seed. With them the pigment of a
 * dot at any time t (years since its session) has a closed form (see simulate.ts):
 *   remaining(t) = (R + (1 - R) e^(-t / HEAL_TIME_YEARS)) e^(-k t)
 *   diameter(t)^2 = d0^2 + s t
 * with R = healedRetention, k = decayPerYear, s = spreadMm2PerYear (= 4 D, D the diffusivity).
 *
 * Healing [I/M]: about one third of injected pigment leaves within weeks (Baumler 2015; Engel 2010),
 * practitioners quote 70-80 % kept with good aftercare and 40-50 % when scabs are picked. The mean
 * retention of a dot that holds is HEAL_GOOD = 0.70 with good aftercare; each fault takes off its
 * share below (assumed; picking calibrated to the quoted 40-50 %). Dot to dot it follows a beta
 * distribution of that mean and concentration (alpha + beta) HEAL_KAPPA (sd ~0.13), wider on scar
 * tissue (sd ~0.2), drawn by inverse-CDF tables (sampling.ts). A share of dots is lost entirely (assumed 2 %, more with each fault, doubled on
 * scar). Healing runs its course with time constant HEAL_TIME_YEARS = 7 days (assumed; Engel's loss
 * was complete within 6 weeks), so 0.1 y after a session counts as healed.
 *
 * Long-term loss [NF]: no rate is published. Immune clearance (capture-release-recapture, Baranska
 * 2018) is taken as K_CLEARANCE per year, and UV (photodegradation of the pigment plus the clearance
 * UV drives; carbon black is the most light-stable pigment, Curr Probl Dermatol 2015;48:164) as
 * K_UV_PER_KJ per kJ/m² of the dot's annual dose. Both are calibrated so that an indoor worker in a
 * temperate climate with sunscreen needs the first touch-up at 3-6 years and an outdoor worker in
 * Australia without protection at 1-2 years (SCIENCE.md section 1: quoted intervals 1-4, 2-5, 3-6
 * years); see fade.test.ts. Dot to dot the rate varies by a lognormal factor of sd DECAY_SIGMA (assumed).
 *
 * Spreading [C]: diffusion, d^2 = d0^2 + 4 D t (Eames 2011: fine detail lost in ~15 years). 4 D is
 * SPREAD_REF_MM2_PER_YEAR at 0.2 mm depth and grows in proportion to depth (assumed: deeper pigment
 * sits in looser dermis and blurs, "blowout"): a 0.2 mm dot at 0.2 mm reaches ~0.28 mm in 10 years.
 * Dot to dot it varies by a lognormal factor of sd SPREAD_SIGMA (assumed). */
import type { DotSet } from '../dots/types';
import { createRng } from '../rng';
import { betaQuantiles, drawFrom, lognormalQuantiles } from './sampling';
import type { FadeScenario } from './scenario';
import { orientationFactor, scalpAnnualDoseKJ } from './uv';

export const HEAL_GOOD = 0.7;
export const HEAL_FAULT = { washedBeforeDay4: 0.05, sweating: 0.05, sunWhileHealing: 0.05, pickedScabs: 0.25 } as const;
export const HEAL_MIN = 0.2;
export const HEAL_KAPPA = 12;
export const HEAL_KAPPA_SCAR = 4;
export const LOST_GOOD = 0.02;
export const LOST_FAULT = { washedBeforeDay4: 0.01, sweating: 0.01, sunWhileHealing: 0.01, pickedScabs: 0.06 } as const;
export const HEAL_TIME_YEARS = 7 / 365.25;
/** When a session counts as healed. */
export const HEALED_YEARS = 0.1;
export const K_CLEARANCE = 0.15;
export const K_UV_PER_KJ = 0.004;
export const DECAY_SIGMA = 0.2;
export const SPREAD_REF_MM2_PER_YEAR = 0.004;
export const SPREAD_REF_DEPTH_MM = 0.2;
export const SPREAD_SIGMA = 0.25;
/** RNG stream of the fading model; the dots use streams 0-1007. */
export const FADE_STREAM = 5000;

export interface FadeParams {
  healedRetention: Float32Array;
  decayPerYear: Float32Array;
  spreadMm2PerYear: Float32Array;
  /** Annual UV dose of each dot, kJ/m² (for figures and tests). */
  uvDoseKJ: Float32Array;
}

type Aftercare = FadeScenario['aftercare'];
const FAULTS = ['washedBeforeDay4', 'sweating', 'sunWhileHealing', 'pickedScabs'] as const;

/** Mean retention of a dot that holds, and the share of dots lost outright, for an aftercare. */
export function healingOf(aftercare: Aftercare): { meanRetention: number; lostShare: number } {
  let m = HEAL_GOOD;
  let lost = LOST_GOOD;
  for (const f of FAULTS) {
    if (aftercare[f]) {
      m -= HEAL_FAULT[f];
      lost += LOST_FAULT[f];
    }
  }
  return { meanRetention: Math.max(HEAL_MIN, m), lostShare: lost };
}

/** Draws every dot's parameters. `onScar` (per dot, nonzero = scar tissue) widens the healing spread. */
export function fadeParams(seed: number, depthMm: number, dots: Pick<DotSet, 'count' | 'normals'>, scenario: FadeScenario, onScar?: Uint8Array): FadeParams {
  const n = dots.count;
  const out: FadeParams = {
    healedRetention: new Float32Array(n),
    decayPerYear: new Float32Array(n),
    spreadMm2PerYear: new Float32Array(n),
    uvDoseKJ: new Float32Array(n),
  };
  const { meanRetention, lostShare } = healingOf(scenario.aftercare);
  const dose = scalpAnnualDoseKJ(scenario);
  const spread = SPREAD_REF_MM2_PER_YEAR * (depthMm / SPREAD_REF_DEPTH_MM);
  const rng = createRng(seed, FADE_STREAM);
  const healQ = betaQuantiles(meanRetention, HEAL_KAPPA);
  const healScarQ = betaQuantiles(meanRetention, HEAL_KAPPA_SCAR);
  const decayQ = lognormalQuantiles(DECAY_SIGMA);
  const spreadQ = lognormalQuantiles(SPREAD_SIGMA);
  const normals = dots.normals;
  for (let i = 0; i < n; i++) {
    const scar = onScar !== undefined && onScar[i] !== 0;
    const lost = rng.next() < (scar ? 2 * lostShare : lostShare);
    // Always draw, so a dot's later draws do not depend on whether it was lost.
    const r = drawFrom(scar ? healScarQ : healQ, rng);
    out.healedRetention[i] = lost ? 0 : r;
    const d = dose * orientationFactor(normals[3 * i + 1]);
    out.uvDoseKJ[i] = d;
    out.decayPerYear[i] = (K_CLEARANCE + K_UV_PER_KJ * d) * drawFrom(decayQ, rng);
    out.spreadMm2PerYear[i] = spread * drawFrom(spreadQ, rng);
  }
  return out;
}
