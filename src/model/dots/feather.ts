/** The hairline's feathered leading edge: the share of a session's density wanted at a given
 * distance behind that session's front edge. The one home of these figures: the sampler's
 * coverage and the coverage-weighted area that calibrates density both use featherCoverage
 * (generate.ts).
 *
 * Practitioners draw the front as a soft, irregular band of sparser dots, not a fade to nothing:
 * right at the line the dots already read as a line, density builds to full over the transition
 * behind it, and a few strays sit in front so the edge never looks ruled. The irregular course
 * of the line is the hairline's seeded wobble (scalp/hairline.ts). Every figure below is an
 * assumption of this app: no published measurement gives them. */

/** Share of full density right at a session's edge: practitioners describe a sparse but clearly
 * visible band, a third to a half of full density. */
export const FEATHER_FLOOR = 0.45;
/** Share of full density of the strays at the edge, falling linearly to none at their reach:
 * a few dots that break the line, not a second band in front of it. */
export const STRAY_COVERAGE = 0.15;
/** Farthest a stray sits in front of the edge once the hairline is soft (mm): "2-4 mm". */
export const STRAY_REACH_MM = 3;
/** At or under this transition no strays: the 'sharp' style (3 mm) is an edged-up line. */
export const CRISP_TRANSITION_MM = 3;
/** From this transition on strays reach STRAY_REACH_MM: the default 'classic' style's 10 mm.
 * Between the two the reach grows linearly, so the transition control has no jump. */
export const SOFT_TRANSITION_MM = 10;

/** How far in front of a session's edge its strays reach (mm) for a hairline transition. */
export function strayReachMm(transitionMm: number): number {
  const t = (transitionMm - CRISP_TRANSITION_MM) / (SOFT_TRANSITION_MM - CRISP_TRANSITION_MM);
  return STRAY_REACH_MM * (t <= 0 ? 0 : t >= 1 ? 1 : t);
}

/** Share (0..1) of a session's full density at `hMm` behind its front edge (negative: in front).
 * Behind the edge it starts at FEATHER_FLOOR and eases out to full at `transitionMm`: it builds
 * fastest just behind the sparse band and meets full density with zero slope, so the back of the
 * transition shows no seam; the step at the edge itself is the feathered band, on purpose. */
export function featherCoverage(hMm: number, transitionMm: number): number {
  if (hMm >= transitionMm) return 1;
  if (hMm >= 0) {
    const u = 1 - hMm / transitionMm;
    return FEATHER_FLOOR + (1 - FEATHER_FLOOR) * (1 - u * u);
  }
  const reach = strayReachMm(transitionMm);
  return hMm > -reach ? STRAY_COVERAGE * (1 + hMm / reach) : 0;
}
