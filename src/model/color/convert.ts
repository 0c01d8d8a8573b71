/** Every colour conversion of the app, in one place, on culori.
 *
 * CIELAB is CIE 1976 L*a*b* relative to D65, the white of sRGB, as culori's 'lab65' is: the white's
 * chromaticity x 0.3127, y 0.3290, so X 0.950456, Y 1, Z 1.089058 (D65_WHITE). XYZ is scaled so Y of
 * that white is 1 (culori's 'xyz65'). sRGB is IEC 61966-2-1 with the same white; "linear" sRGB is
 * before its transfer curve, the working space of the renderer.
 *
 * Lab <-> XYZ is the CIE formula written out here with culori's constants, without allocating (an
 * optional `out`), because the optical model runs it in inner loops (every iteration of the skin
 * fit, 2,000 table nodes, 1,025 ramp nodes), where culori's converters, one object per call, cost
 * far more (measured in Node 20: Lab to XYZ 230 ns a call against 6, XYZ to Lab 100 ns against 30).
 * convert.test.ts checks it against culori's converters.
 *
 * Hex, sRGB and its transfer curve are culori's. Colours outside the sRGB gamut are clipped per channel
 * (they lose some hue; skin, hair and healed ink lie well inside it). */
import { converter, convertRgbToLrgb, formatHex, type Rgb } from 'culori';
import type { Lab } from './lab';

/** CIE XYZ, Y of the white 1. */
export type Xyz = [number, number, number];
/** Linear sRGB, 0..1 per channel: what the renderer takes (three.js's working colour space). */
export type LinearRgb = [number, number, number];

/** The D65 white in XYZ (Y = 1), from its chromaticity, as culori has it. */
export const D65_WHITE: Readonly<Xyz> = [0.3127 / 0.329, 1, (1 - 0.3127 - 0.329) / 0.329];

// CIE's constants for the linear segment near black: (6/29)^3 and (29/3)^3.
const EPSILON = 216 / 24389;
const KAPPA = 24389 / 27;
const f = (t: number) => (t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116);
// t * t * t, not t ** 3 (nor culori's Math.pow): the same to the last bit or one off, and about 50
// times faster in V8.
const fInverse = (t: number) => {
  const cube = t * t * t;
  return cube > EPSILON ? cube : (116 * t - 16) / KAPPA;
};

/** XYZ of a CIELAB colour; written into `out` when given (no allocation). */
export function labToXyz(lab: Lab, out: Xyz = [0, 0, 0]): Xyz {
  const fy = (lab.L + 16) / 116;
  out[0] = fInverse(fy + lab.a / 500) * D65_WHITE[0];
  out[1] = fInverse(fy);
  out[2] = fInverse(fy - lab.b / 200) * D65_WHITE[2];
  return out;
}

/** CIELAB of an XYZ colour; written into `out` when given (no allocation). */
export function xyzToLab(x: number, y: number, z: number, out: Lab = { L: 0, a: 0, b: 0 }): Lab {
  const fx = f(x / D65_WHITE[0]);
  const fy = f(y);
  const fz = f(z / D65_WHITE[2]);
  out.L = 116 * fy - 16;
  out.a = 500 * (fx - fy);
  out.b = 200 * (fy - fz);
  return out;
}

/** CIE luminance Y of a CIELAB colour (white 1). */
export function labLuminance(lab: Lab): number {
  return fInverse((lab.L + 16) / 116);
}

const toRgb = converter('rgb');
const unit = (v: number) => Math.min(1, Math.max(0, v));

/** sRGB (0..1, gamma-encoded) of a CIELAB colour, each channel clipped into the gamut. */
function gamutRgb(lab: Lab): Rgb {
  const c = toRgb({ mode: 'lab65', l: lab.L, a: lab.a, b: lab.b });
  return { mode: 'rgb', r: unit(c.r), g: unit(c.g), b: unit(c.b) };
}

/** sRGB hex of a CIELAB colour, clipped into the sRGB gamut. */
export function labToHex(lab: Lab): string {
  return formatHex(gamutRgb(lab));
}

/** Linear sRGB of a CIELAB colour, clipped into the gamut as labToHex is, but not rounded to 8 bits:
 * gamma-encoded, it is within half a step of 255 of what the hex gives. */
export function labToLinearRgb(lab: Lab, out: LinearRgb = [0, 0, 0]): LinearRgb {
  const l = convertRgbToLrgb(gamutRgb(lab));
  out[0] = l.r;
  out[1] = l.g;
  out[2] = l.b;
  return out;
}

const toLab65 = converter('lab65');
const toXyz65 = converter('xyz65');

/** Linear light of each 8-bit sRGB value, by culori's transfer curve. */
const LINEAR_OF_BYTE = Float64Array.from({ length: 256 }, (_, v) => convertRgbToLrgb({ r: v / 255, g: 0, b: 0 }).r);
/** Linear sRGB to XYZ, culori's matrix, column by column. */
const RGB_TO_XYZ = (['r', 'g', 'b'] as const).map((c) => {
  const x = toXyz65({ mode: 'lrgb', r: 0, g: 0, b: 0, [c]: 1 });
  return [x.x, x.y, x.z];
});

/** CIELAB of an 8-bit sRGB pixel, for loops over a photo's pixels (no allocation with `out`). */
export function srgbBytesToLab(r: number, g: number, b: number, out: Lab = { L: 0, a: 0, b: 0 }): Lab {
  const R = LINEAR_OF_BYTE[r],
    G = LINEAR_OF_BYTE[g],
    B = LINEAR_OF_BYTE[b];
  const [cr, cg, cb] = RGB_TO_XYZ;
  return xyzToLab(cr[0] * R + cg[0] * G + cb[0] * B, cr[1] * R + cg[1] * G + cb[1] * B, cr[2] * R + cg[2] * G + cb[2] * B, out);
}

/** CIELAB (D65) of an sRGB hex colour (a colour picker's value), to a tenth: the precision the
 * colour fields show. Null for a string that is no colour. */
export function hexToLab(hex: string): Lab | null {
  const lab = toLab65(hex);
  const tenth = (x: number) => Math.round(x * 10) / 10;
  return lab ? { L: tenth(lab.l), a: tenth(lab.a), b: tenth(lab.b) } : null;
}
