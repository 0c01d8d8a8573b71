/** What differs between the male and female template (face, brows, neck, shoulders). The
 * cranium and the measures fit are the same for both: the measures alone set the skull. */
export type Sex = 'male' | 'female';
export const SEXES: readonly Sex[] = ['male', 'female'];

export interface BodyForm {
  /** Brow ridge: radius of its capsule (mm) and how far it stands forward (mm). */
  browRidgeMm: number;
  browRidgeForwardMm: number;
  /** Nose: uniform scale about the nasal root. */
  noseScale: number;
  /** Jaw: half-width at the angle (mm) and chin half-width / height (mm). */
  jawAngleXMm: number;
  chinHalfWidthMm: number;
  chinHalfHeightMm: number;
  /** Lips: extra fullness (mm) added to the lips' depth and height. */
  lipFullnessMm: number;
  /** Upper-lid crease height above the lid margin (mm). */
  creaseMm: number;
  /** Eyebrow: head height (mm), tail height (mm), arch height (mm), peak at this fraction of its
   * length, and the height of its lower edge above the eye centre at the head (mm). */
  brow: { headMm: number; tailMm: number; archMm: number; peakAt: number; baseMm: number };
  /** Neck radius scale; a laryngeal prominence or not. */
  neckScale: number;
  larynx: boolean;
  /** Outer skin at the acromion (mm from the midline: half the biacromial breadth), the height
   * of its top, and the height where the trapezius meets the side of the neck (template mm). */
  acromionXMm: number;
  acromionYMm: number;
  neckBaseYMm: number;
  /** Scale of the shoulder's and chest's muscle masses (deltoid, pectorals). */
  muscleScale: number;
  /** Where the jaw line meets the chin (template x, mm): a narrower, rounder chin nearer 0. */
  chinJawXMm: number;
}

// Male: biacromial breadth ~400 mm (ANSUR II mean 397 mm); female ~360 mm (362 mm).
const MALE: BodyForm = {
  browRidgeMm: 9,
  browRidgeForwardMm: 0,
  noseScale: 1,
  jawAngleXMm: 47,
  chinHalfWidthMm: 16,
  chinHalfHeightMm: 13,
  lipFullnessMm: 0,
  creaseMm: 6.5,
  brow: { headMm: 11, tailMm: 3, archMm: 1.5, peakAt: 0.55, baseMm: 11 },
  neckScale: 1,
  larynx: true,
  acromionXMm: 200,
  acromionYMm: -180,
  neckBaseYMm: -122,
  muscleScale: 1,
  chinJawXMm: 16,
};

const FEMALE: BodyForm = {
  browRidgeMm: 7,
  browRidgeForwardMm: -2.5,
  noseScale: 0.9,
  jawAngleXMm: 42,
  chinHalfWidthMm: 12,
  chinHalfHeightMm: 11,
  lipFullnessMm: 0.9,
  creaseMm: 8.5,
  brow: { headMm: 7.5, tailMm: 1.5, archMm: 5, peakAt: 2 / 3, baseMm: 13 },
  neckScale: 0.88,
  larynx: false,
  acromionXMm: 180,
  acromionYMm: -186,
  neckBaseYMm: -118,
  muscleScale: 0.8,
  chinJawXMm: 10,
};

export function bodyForm(sex: Sex): BodyForm {
  return sex === 'female' ? FEMALE : MALE;
}
