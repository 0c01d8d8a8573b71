import type { HairlineSpec } from '../scalp/fields';

/** One session's dots. */
export interface LayerSpec {
  densityPerCm2: number;
  diameterMm: number;
  /** Pigment concentration share: 0 the lightest dilution, 1 undiluted carbon black. */
  shade: number;
  /** 0 pure blue noise; 1 spacing varies down to the merge limit. */
  irregularity: number;
  /** How far behind the designed hairline this session's front edge sits (mm). */
  hairlineOffsetMm: number;
}

export interface DotsSpec {
  seed: number;
  hairline: HairlineSpec & { transitionMm: number };
  /** Where the client's own hair grows (share of natural density per chart node, hair/hairLoss.ts)
   * and its follicular units per cm²: the sessions fill around it (see hairFill). */
  hair?: { field: Float32Array; fuPerCm2: number };
  layers: LayerSpec[];
}

/** Density of a maximal-ish Poisson-disk set of radius r is about PACKING / r^2 (measured for
 * this sampler; each layer is calibrated again on a pilot patch). */
export const PACKING = 0.8;
/** Dots closer than this many diameters (centre to centre) merge into one blot. Assumption, not
 * from a source: a clear gap of a fifth of a diameter between the edges of two healed dots, so
 * that each reads as a follicle ("microdots under 1 mm, about 1 mm apart", SCIENCE.md section 1)
 * rather than the solid "helmet" of dots run together; the spread over the years is the fade
 * model's (fade/). */
export const MERGE_SPACING = 1.2;
/** What one device is asked to hold: 2 million dots are about 70 MB of typed arrays. */
export const MAX_DOTS = 2_000_000;

export class DotLimitError extends Error {
  constructor(
    message: string,
    readonly layer: number | null,
  ) {
    super(message);
    this.name = 'DotLimitError';
  }
}

/** Centre-to-centre spacing (mm) of dots laid at this density. */
const spacingMm = (densityPerCm2: number) => Math.sqrt(PACKING / (densityPerCm2 / 100));

/** The most whole dots per cm² of this diameter that stay apart. */
export function maxDensityPerCm2(diameterMm: number): number {
  const floorMm = diameterMm * MERGE_SPACING;
  let n = Math.floor((PACKING / (floorMm * floorMm)) * 100);
  // Rounding at the boundary: the answer must pass the same test mergeRefusal makes.
  while (n > 0 && spacingMm(n) < floorMm) n--;
  return n;
}

/** The widest dots (mm) that stay apart at this density. */
export const maxDiameterMm = (densityPerCm2: number): number => spacingMm(densityPerCm2) / MERGE_SPACING;

/** Why session `index`'s dots would merge at its density, or null. Needs no head, so a
 * control can refuse the value at once. */
export function mergeRefusal(l: Pick<LayerSpec, 'densityPerCm2' | 'diameterMm'>, index: number): string | null {
  const spacing = spacingMm(l.densityPerCm2);
  const floor = l.diameterMm * MERGE_SPACING;
  if (spacing >= floor) return null;
  const maxDensity = maxDensityPerCm2(l.diameterMm);
  return (
    `Session ${index + 1}: ${l.densityPerCm2} dots/cm² of ${l.diameterMm} mm would sit ${spacing.toFixed(2)} mm apart, ` +
    `closer than ${MERGE_SPACING}× their diameter, so they would merge. At ${l.diameterMm} mm the most is ${maxDensity} dots/cm².`
  );
}

/** Refuses designs whose dots would merge or that exceed what the device can hold. */
export function checkLayers(layers: LayerSpec[], areasMm2: number[]): void {
  let total = 0;
  layers.forEach((l, k) => {
    const refusal = mergeRefusal(l, k);
    if (refusal) throw new DotLimitError(refusal, k);
    total += (l.densityPerCm2 / 100) * areasMm2[k];
  });
  if (total > MAX_DOTS) {
    throw new DotLimitError(`This design needs about ${Math.round(total).toLocaleString('en-US')} dots; a device holds at most ${MAX_DOTS.toLocaleString('en-US')}. Lower the densities.`, null);
  }
}
