/** CIEDE2000 colour difference (Sharma, Wu & Dalal, Color Res Appl 2005;30:21), through culori. */
import { differenceCiede2000 } from 'culori';
import type { Lab } from './lab';

const ciede2000 = differenceCiede2000();

/** CIEDE2000 difference between two CIELAB colours (kL = kC = kH = 1). Symmetric. Both colours
 * are taken as given (same white point); no conversion happens. */
export function deltaE2000(a: Lab, b: Lab): number {
  return ciede2000({ mode: 'lab65', l: a.L, a: a.a, b: a.b }, { mode: 'lab65', l: b.L, a: b.a, b: b.b });
}
