/** Natural hair colours as CIELAB (D65) of a hair tress, darkest first (the order the app lists them in).
 *
 * Measured (single untreated tresses, colorimeter, D65, 10-degree observer, specular included):
 * - black: J. Cosmet. Sci. 51(5), 2000, "Measurement of hair luster", Table IV, black hair on a
 *   cylindrical holder: L* 18.37, a* -0.05, b* -0.84 (library.scconline.org/v051n05). A Japanese hair-
 *   colour trade note gives L* 15-18 for black human hair, which agrees.
 * - dark brown: the same paper, Table III, dark brown tress "D-B", horizontal position:
 *   L* 22.48, a* 4.10, b* 5.13.
 * - light brown: J. Cosmet. Sci. 46(4): L* 32.6, a* 6.9, b* 14.4, as quoted in jbcom/humanoid-kit
 *   docs/research/HAIR-COLOUR.md; the paper itself was not read here.
 * Interpolated: medium brown, halfway between dark and light brown in CIELAB.
 * Representative, not measured (no open CIELAB data for them was found; the cluster centres of
 * Vaughn et al., Am J Phys Anthropol 2008;137:91, are behind the paper's paywall): dark blond and
 * blond, placed to continue the measured trend (lighter, and yellower with it); and grey (salt and
 * pepper), a mix of pigmented and white hairs seen together: L* 50, a* 0.5, b* 4, a near-neutral
 * mid grey with the slight yellow of unpigmented hair (no measurement found). */
import type { Lab } from './lab';

export interface HairColor {
  id: string;
  name: string;
  lab: Lab;
  basis: 'measured' | 'interpolated' | 'representative';
  source: string;
}

const JCS51 = 'J Cosmet Sci 51(5) 2000, "Measurement of hair luster"';

export const HAIR_COLORS: readonly HairColor[] = Object.freeze([
  { id: 'black', name: 'Black', lab: { L: 18.4, a: -0.1, b: -0.8 }, basis: 'measured', source: `${JCS51}, Table IV` },
  { id: 'dark-brown', name: 'Dark brown', lab: { L: 22.5, a: 4.1, b: 5.1 }, basis: 'measured', source: `${JCS51}, Table III` },
  {
    id: 'medium-brown',
    name: 'Medium brown',
    lab: { L: 27.6, a: 5.5, b: 9.8 },
    basis: 'interpolated',
    source: 'halfway between dark brown and light brown',
  },
  {
    id: 'light-brown',
    name: 'Light brown',
    lab: { L: 32.6, a: 6.9, b: 14.4 },
    basis: 'measured',
    source: 'J Cosmet Sci 46(4), as quoted in jbcom/humanoid-kit docs/research/HAIR-COLOUR.md (not read here)',
  },
  { id: 'dark-blond', name: 'Dark blond', lab: { L: 40, a: 7, b: 18 }, basis: 'representative', source: 'representative; no measurement found' },
  {
    id: 'grey',
    name: 'Grey (salt and pepper)',
    lab: { L: 50, a: 0.5, b: 4 },
    basis: 'representative',
    source: 'representative: pigmented and white hairs mixed; no measurement found',
  },
  { id: 'blond', name: 'Blond', lab: { L: 52, a: 6, b: 22 }, basis: 'representative', source: 'representative; no measurement found' },
]);

export function hairColor(id: string): HairColor | undefined {
  return HAIR_COLORS.find((h) => h.id === id);
}
