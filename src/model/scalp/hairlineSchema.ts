/** The stored hairline: its schema, the style presets and the defaults a design starts from. */
import { z } from '../zod';
import { range } from '../schema';

export const HAIRLINE_STYLES = ['classic', 'soft', 'natural', 'mature', 'sharp'] as const;
export type HairlineStyle = (typeof HAIRLINE_STYLES)[number];

/** Draggable handles; +x (phi > 0) is the client's left. */
export const HANDLE_IDS = ['mid', 'frontotemporalLeft', 'frontotemporalRight', 'templeLeft', 'templeRight'] as const;
export type HandleId = (typeof HANDLE_IDS)[number];
/** Where the hairline meets the hair-bearing outline at each temple: shown, never moved. */
export type FixedHandleId = 'templeEndLeft' | 'templeEndRight';

const offsetSchema = (label: string) =>
  z.object({
    dPhiDeg: range(`${label} sideways offset`, '°', -40, 40),
    dThetaDeg: range(`${label} front-to-back offset`, '°', -40, 40),
  });

/** Offsets (chart degrees) of the dragged handles from the style's default positions. The mid
 * point's height is `midFrontalHeightMm`; only its sideways offset is stored here. */
export const hairlineHandlesSchema = z.object({
  midDPhiDeg: range('Mid-frontal point sideways offset', '°', -20, 20),
  frontotemporalLeft: offsetSchema('Left frontotemporal point'),
  frontotemporalRight: offsetSchema('Right frontotemporal point'),
  templeLeft: offsetSchema('Left temple peak'),
  templeRight: offsetSchema('Right temple peak'),
});

export const hairlineSchema = z.object({
  /** Mid-frontal point above the glabella, along the forehead: 7 (aggressive) to 10 cm (conservative). */
  midFrontalHeightMm: range('Hairline height', ' mm', 60, 120),
  /** Width over which dot density builds from the sparse feathered band at the front edge to
   * full (dots/feather.ts). */
  transitionMm: range('Hairline transition', ' mm', 2, 30),
  style: z.enum(HAIRLINE_STYLES, { error: "Hairline style must be 'classic', 'soft', 'natural', 'mature' or 'sharp'" }),
  /** Amplitude of the seeded wobble of the front edge. */
  irregularityMm: range('Hairline irregularity', ' mm', 0, 5),
  symmetric: z.boolean({ error: 'Hairline symmetry must be true or false' }),
  handles: hairlineHandlesSchema.nullable(),
});

export type Hairline = z.infer<typeof hairlineSchema>;
export type HairlineHandles = z.infer<typeof hairlineHandlesSchema>;

/** What the field builder needs; older designs carry only the first two fields. */
export type HairlineSpec = Pick<Hairline, 'midFrontalHeightMm'> & Partial<Omit<Hairline, 'midFrontalHeightMm'>>;

interface StylePreset {
  /** How far the frontotemporal point sits behind the mid-frontal point's polar angle (mm along
   * the surface, about). Assumed: no published figure per style; "mature" recedes the temples,
   * "classic" and "sharp" are about level with the mid point seen from the front. */
  ftRiseMm: number;
  /** Straight distance from the outer eye corner to the temple peak (Garg et al. 2017: ~5 cm). */
  peakFromEyeMm: number;
  /** 0 straight segments between handles (crisp corners) .. 1 a smooth monotone curve. */
  roundness: number;
  transitionMm: number;
  irregularityMm: number;
  /** Shortest and longest wavelengths of the wobble (mm along the edge): short ones break the line. */
  wobbleMm: [number, number];
  /** How much of `irregularityMm` the style lets through ('sharp' is an edged-up line: none). */
  wobbleGain: number;
}

/** Style presets. All figures are illustrative assumptions (SCIENCE.md section 4 gives only the
 * mid-frontal height and the frontotemporal and temple landmarks, not per-style shapes). */
export const HAIRLINE_STYLE_PRESETS: Record<HairlineStyle, StylePreset> = {
  classic: { ftRiseMm: 9, peakFromEyeMm: 50, roundness: 0.45, transitionMm: 10, irregularityMm: 0.5, wobbleMm: [20, 60], wobbleGain: 1 },
  soft: { ftRiseMm: 13, peakFromEyeMm: 50, roundness: 1, transitionMm: 18, irregularityMm: 1, wobbleMm: [20, 60], wobbleGain: 1 },
  natural: { ftRiseMm: 13, peakFromEyeMm: 52, roundness: 1, transitionMm: 12, irregularityMm: 3, wobbleMm: [3, 25], wobbleGain: 1 },
  mature: { ftRiseMm: 26, peakFromEyeMm: 62, roundness: 0.8, transitionMm: 10, irregularityMm: 1, wobbleMm: [15, 50], wobbleGain: 1 },
  sharp: { ftRiseMm: 6, peakFromEyeMm: 50, roundness: 0, transitionMm: 3, irregularityMm: 0, wobbleMm: [20, 60], wobbleGain: 0 },
};

export function defaultHairline(): Hairline {
  return { midFrontalHeightMm: 80, transitionMm: 10, style: 'classic', irregularityMm: 0.5, symmetric: true, handles: null };
}

/** The hairline with a style's defaults: its transition and irregularity, handles reset. */
export function withStyle(hairline: Hairline, style: HairlineStyle): Hairline {
  const p = HAIRLINE_STYLE_PRESETS[style];
  return { ...hairline, style, transitionMm: p.transitionMm, irregularityMm: p.irregularityMm, handles: null };
}

export function resolve(spec: HairlineSpec): Hairline {
  const d = defaultHairline();
  return {
    midFrontalHeightMm: spec.midFrontalHeightMm,
    transitionMm: spec.transitionMm ?? d.transitionMm,
    style: spec.style ?? d.style,
    irregularityMm: spec.irregularityMm ?? d.irregularityMm,
    symmetric: spec.symmetric ?? d.symmetric,
    handles: spec.handles ?? null,
  };
}
