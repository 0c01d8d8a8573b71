/** The fading model's closed form, written once here and once in GLSL beside it: the simulation
 * (evaluate.ts), the picture's means (display.ts) and the skin shader (render/skinMaterial.ts)
 * all use these. test/e2e/fade.test.ts runs FADE_GLSL on the GPU and compares it with the
 * TypeScript at sample points.
 *
 *   remaining(t) = (R + (1 - R) e^(-t / T)) e^(-k t)
 *
 * R is the share a dot keeps once healed, T the healing time constant and k the loss per year
 * (immune clearance plus UV on the surface's own orientation). */

/** The healed part of `remaining`, given the healing factor e^(-t / T): the simulation's hot loop
 * computes that factor once for all dots. */
export const healingShare = (healedRetention: number, healingFactor: number): number => healedRetention + (1 - healedRetention) * healingFactor;

/** Share of a dot's pigment left `years` after its session. */
export function fadeRemaining(healedRetention: number, decayPerYear: number, years: number, healTimeYears: number): number {
  return healingShare(healedRetention, Math.exp(-years / healTimeYears)) * Math.exp(-decayPerYear * years);
}

/** Share of the horizontal UV dose reaching a surface whose normal has vertical component `ny`:
 * `diffuseShare` of it from the whole sky (half a sphere seen by a tilted surface), the rest from
 * the sun overhead. */
export function fadeOrientation(ny: number, diffuseShare: number): number {
  return diffuseShare * 0.5 * (1 + ny) + (1 - diffuseShare) * Math.max(0, ny);
}

/** The same two functions for shaders, by the same names. */
export const FADE_GLSL = /* glsl */ `
float fadeOrientation( float ny, float diffuseShare ) {
	return diffuseShare * 0.5 * ( 1.0 + ny ) + ( 1.0 - diffuseShare ) * max( ny, 0.0 );
}
float fadeRemaining( float healedRetention, float decayPerYear, float years, float healTimeYears ) {
	return ( healedRetention + ( 1.0 - healedRetention ) * exp( - years / healTimeYears ) ) * exp( - decayPerYear * years );
}
`;
