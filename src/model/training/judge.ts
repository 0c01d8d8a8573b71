import type { Exercise } from './exercises';
import type { Fault, Part, ScoreFigures, TrainingScore } from './scoreTypes';

/** Weights of the parts in the overall score: an assumption (no published scoring of SMP
 * placement exists, SCIENCE.md); merges and gaps are the faults clinics name most (section 1:
 * "uneven or grid-like density", "blowout"). */
const WEIGHTS: Record<Part, number> = { uniformity: 0.15, density: 0.2, regularity: 0.2, merges: 0.15, gaps: 0.15, softness: 0.15, edge: 0.1, budget: 0.05 };
export const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
/** 1 at or below `good`, 0 at or above `bad` (either order). */
const grade = (x: number, good: number, bad: number) => clamp01((bad - x) / (bad - good));

/** Part scores, the overall score and the worst faults in plain words. The grading bounds are
 * assumptions set against measured placements (test/unit/training.test.ts): the app's blue
 * noise gives CV ~0.2, a random (Poisson) set 0.52, the CV of Rayleigh-distributed distances. */
export function judge(exercise: Exercise, f: ScoreFigures): Pick<TrainingScore, 'score' | 'parts' | 'faults'> {
  const parts: Partial<Record<Part, number>> = {};
  const msgs: Partial<Record<Part, string>> = {};
  const fix = (x: number, d = 2) => x.toFixed(d);
  // Over an earlier session the union's spacing varies more: the app's own two-session fill
  // measures CV 0.22-0.25 (test/unit/training), so the aim is looser there.
  const cvAim = f.fullTargetPerCm2 > f.targetPerCm2 + 0.5 ? 0.3 : 0.25;
  parts.uniformity = grade(f.nnCv, cvAim, 0.5);
  msgs.uniformity = `Spacing varies a lot: CV ${fix(f.nnCv)} (aim under ${cvAim})`;
  const overall = Math.abs(f.placedPerCm2 - f.targetPerCm2) / f.targetPerCm2;
  parts.density = Math.min(grade(f.densityRmsError, 0.2, 0.6), grade(overall, 0.1, 0.5));
  msgs.density =
    overall > 0.1
      ? `${f.placedPerCm2 < f.targetPerCm2 ? 'Too few' : 'Too many'} dots: ${Math.round(f.placedPerCm2)} dots/cm² where ${f.targetPerCm2} were asked`
      : `Density is uneven: ${Math.round(f.densityRmsError * 100)}% off the target across 5 mm squares (aim under 20%)` +
        (f.cellsUnder + f.cellsOver ? `; ${f.cellsUnder} too sparse, ${f.cellsOver} too dense` : '');
  parts.regularity = grade(f.regularity, 0.2, 0.5);
  msgs.regularity = `Dots line up in rows or a grid (order ${fix(f.regularity)}, aim under 0.2): vary the direction between neighbours`;
  parts.merges = f.placed ? grade(f.mergeDots / f.placed, 0, 0.05) : 1;
  msgs.merges = `${f.mergeDots} dots merge: keep at least ${fix(f.minSpacingMm)} mm apart`;
  parts.gaps = grade(f.gapAreaShare, 0, 0.04);
  msgs.gaps = `${f.gaps.length} ${f.gaps.length === 1 ? 'gap' : 'gaps'} left: the largest is ${fix(f.largestGapMm, 1)} mm across`;
  if (f.hairline) {
    // The sampler's own feathering measures 0.06-0.12 (2 mm bands hold ~50 dots), a hard edge 0.47.
    parts.softness = grade(f.hairline.rampRmsError, 0.15, 0.4);
    msgs.softness = `The hairline is too abrupt: density is ${Math.round(f.hairline.rampRmsError * 100)}% off a ${exercise.region.transitionMm} mm fade`;
    // The sampler's feathered edge wanders 0.7-1.5 mm, a hard edge 0.1-0.2 mm (measured).
    parts.edge = grade(-f.hairline.edgeSdMm, -0.6, -0.3);
    msgs.edge = `The front edge is too straight: it wanders only ${fix(f.hairline.edgeSdMm, 1)} mm (aim over 0.6 mm)`;
  }
  const overDots = f.placed / exercise.budget.dots - 1;
  const overTime = f.minutes === null ? 0 : f.minutes / exercise.budget.minutes - 1;
  parts.budget = Math.min(grade(overDots, 0, 0.5), grade(overTime, 0, 0.5));
  msgs.budget = overDots > overTime ? `Over the dot budget: ${f.placed} dots for ${exercise.budget.dots}` : `Over time: ${fix(f.minutes ?? 0, 0)} min for ${exercise.budget.minutes}`;
  let sum = 0,
    wsum = 0;
  const faults: Fault[] = [];
  for (const [part, s] of Object.entries(parts) as [Part, number][]) {
    sum += WEIGHTS[part] * s;
    wsum += WEIGHTS[part];
  }
  for (const [part, s] of Object.entries(parts) as [Part, number][]) {
    const lost = (100 * WEIGHTS[part] * (1 - s)) / wsum;
    if (s < 0.9) faults.push({ part, pointsLost: lost, message: msgs[part]! });
  }
  faults.sort((a, b) => b.pointsLost - a.pointsLost);
  return { score: Math.round((100 * sum) / wsum), parts, faults: faults.slice(0, 3) };
}
