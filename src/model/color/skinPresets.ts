/** Skin colour presets per Fitzpatrick type, as CIELAB (D65), from measured skin.
 *
 * Where the figures come from:
 * - Every L*, a*, b* below is a measured median of facial skin (forehead and cheek, the sites
 *   nearest the scalp that were measured) from the International Skin Spectra Archive:
 *   Yan et al., "The International Skin Spectra Archive (ISSA)", Scientific Data 2025
 *   (15,256 records from 2,113 subjects; data CC BY 4.0, doi:10.6084/m9.figshare.28228571.v4).
 *   The medians per ITA bin (records within +-4 degrees of the bin's angle; d/8, specular included)
 *   are as tabulated in jbcom/humanoid-kit, docs/research/SKIN-RENDERING.md section 2.4, which
 *   derived them from the archive; they were not recomputed here.
 * - Fitzpatrick types are a sunburn questionnaire, not a colour, and map poorly onto ITA
 *   (SCIENCE.md section 5; Ly et al., J Invest Dermatol 2020). The type-to-ITA-class pairing below
 *   (I very light, II light, III intermediate, IV tan, V brown, VI dark) is a convention, not a
 *   measurement: each type takes the ISSA bin in the ITA class (Chardon 1991 thresholds) it is
 *   conventionally paired with. Nothing is interpolated.
 * - Independent measurements that agree: Asian adults 64.2 / 9.0 / 18.3 (Yun et al. 2010; ITA 38,
 *   like type III's bin); Korean adults, 12 body sites, 61.7 / 9.6 / 17.1 (Han, Choi & Son, Skin
 *   Res Technol 2006;12:3); facial cluster 52.5 / 17.0 / 18.9 (IADR 2009, ITA 7.5, brown class).
 * - Caveat: scalp skin itself was not measured in these sources; faces are a little redder than
 *   sun-protected skin (ISSA inner-arm a* is 4.8-10 against 8.7-11.7 on the face). */
import type { Lab } from './lab';

export type FitzpatrickType = 1 | 2 | 3 | 4 | 5 | 6;

export interface SkinPreset {
  fitzpatrick: FitzpatrickType;
  /** CIELAB (D65) of the preset. */
  lab: Lab;
  /** ITA class (Chardon 1991) the preset falls in. */
  itaClass: 'very light' | 'light' | 'intermediate' | 'tan' | 'brown' | 'dark';
  /** Where the figures come from. */
  source: string;
}

const ISSA = (ita: number, n: number) =>
  `ISSA (Yan et al., Sci Data 2025), facial median of ${n} records at ITA ${ita}° ± 4°, ` +
  'as tabulated in jbcom/humanoid-kit docs/research/SKIN-RENDERING.md §2.4; type-to-ITA pairing is a convention';

export const SKIN_PRESETS: Readonly<Record<FitzpatrickType, SkinPreset>> = {
  1: { fitzpatrick: 1, lab: { L: 68.2, a: 10.2, b: 10.2 }, itaClass: 'very light', source: ISSA(62, 16) },
  2: { fitzpatrick: 2, lab: { L: 65.7, a: 10.7, b: 13.4 }, itaClass: 'light', source: ISSA(50, 352) },
  3: { fitzpatrick: 3, lab: { L: 62.2, a: 11.4, b: 15.7 }, itaClass: 'intermediate', source: ISSA(38, 741) },
  4: { fitzpatrick: 4, lab: { L: 58.3, a: 11.2, b: 17.9 }, itaClass: 'tan', source: ISSA(25, 762) },
  5: { fitzpatrick: 5, lab: { L: 45.3, a: 11.1, b: 18.1 }, itaClass: 'brown', source: ISSA(-15, 106) },
  6: { fitzpatrick: 6, lab: { L: 33.6, a: 8.7, b: 9.6 }, itaClass: 'dark', source: ISSA(-60, 38) },
};
