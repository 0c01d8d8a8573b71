/** Number, colour and word formatting shared by the shade match's parts. */
import type { Lab } from '../model';

export const round1 = (x: number) => Math.round(x * 10) / 10;
export const fmt1 = (x: number) => (Number.isFinite(x) ? String(round1(x)) : String(x));
export const fmt2 = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 100) / 100) : String(x));
export const labText = (lab: Lab) => `L* ${round1(lab.L)}, a* ${round1(lab.a)}, b* ${round1(lab.b)}`;

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
