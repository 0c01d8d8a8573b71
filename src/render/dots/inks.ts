/** Per-layer ink uniforms from the design and the year shown: how much pigment each session's
 * dots hold then, how far they have spread, and the colour the optical model gives pigment of
 * any concentration in this skin (a ramp texture, rebuilt only when skin, depth or tone change).
 * Written in place into the shared dot uniforms: scrubbing the timeline touches only these. */
import { DataTexture, FloatType, LinearFilter, RGBAFormat } from 'three';
import {
  buildDotColorTable,
  displayGrowth,
  displayRemaining,
  fadeDisplay,
  labToLinearRgb,
  lookupDotColor,
  shadeConcentration,
  skinLab,
  type Design,
  type FadeDisplay,
  type Lab,
  type LinearRgb,
} from '../../model';
import { LAYER_SLOTS, RAMP_SIZE, type DotUniforms } from './shared';

const skin: LinearRgb = [0, 0, 0];
const ink: LinearRgb = [0, 0, 0];
const lab: Lab = { L: 0, a: 0, b: 0 };
/** Representative surface for the close-up discs' single colour per session: a vertical normal
 * component of 0.5, between the crown (1) and the sides (0). */
const CLOSE_UP_NY = 0.5;

/** Each uniforms object's ramp and what it was made for: the 3D view and the photo view (the
 * photo's own skin) keep one each. */
const ramps = new WeakMap<DotUniforms, { key: string; data: Float32Array }>();

/** log2(ink / skin) per linear RGB channel of pigment at concentration u², u = texel / (n - 1):
 * nodes dense where colour changes fastest (low concentration). */
function writeRamp(u: DotUniforms, design: Design): Float32Array {
  const key = JSON.stringify([design.skin, design.pigment]);
  const ramp = ramps.get(u);
  if (ramp && key === ramp.key && u.uInkRamp.value) return ramp.data;
  const s = skinLab(design.skin);
  labToLinearRgb(s, skin);
  const table = buildDotColorTable(s, design.pigment.tone);
  // A fresh array: the texture being replaced keeps its own until disposed.
  const rampData = new Float32Array(RAMP_SIZE * 4);
  ramps.set(u, { key, data: rampData });
  for (let j = 0; j < RAMP_SIZE; j++) {
    const c = (j / (RAMP_SIZE - 1)) ** 2;
    lookupDotColor(table, design.pigment.depthMm, c, lab);
    // The same conversion as the skin material's colour, so concentration 0 is the skin exactly.
    labToLinearRgb(lab, ink);
    for (let k = 0; k < 3; k++) rampData[4 * j + k] = Math.log2(ink[k] / Math.max(skin[k], 1e-4));
    rampData[4 * j + 3] = 1;
  }
  const old = u.uInkRamp.value;
  const t = new DataTexture(rampData, RAMP_SIZE, 1, RGBAFormat, FloatType);
  t.minFilter = LinearFilter;
  t.magFilter = LinearFilter;
  t.generateMipmaps = false;
  t.needsUpdate = true;
  u.uInkRamp.value = t;
  old?.dispose();
  return rampData;
}

/** The ramp's log-ink at concentration c (linear interpolation, as the GPU does). */
function rampAt(rampData: Float32Array, c: number, out: [number, number, number]): [number, number, number] {
  const x = Math.sqrt(Math.min(1, Math.max(0, c))) * (RAMP_SIZE - 1);
  const j = Math.min(RAMP_SIZE - 2, Math.floor(x));
  const t = x - j;
  for (let k = 0; k < 3; k++) out[k] = rampData[4 * j + k] * (1 - t) + rampData[4 * (j + 1) + k] * t;
  return out;
}
const logInk: [number, number, number] = [0, 0, 0];

/** `layerCounts` are the dots per layer of what is baked: a layer without dots stays off.
 * `years` is the time since the sessions shown (0 fresh). */
export function writeInks(u: DotUniforms, design: Design, layerCounts: ArrayLike<number> | null, years: number): void {
  const ramp = writeRamp(u, design);
  let fade: FadeDisplay;
  try {
    fade = fadeDisplay(design);
  } catch {
    return; // a scenario the schema refuses never reaches the design
  }
  u.uFade.value.set(fade.healedRetention, fade.healTimeYears, fade.clearancePerYear, fade.uvPerYearAtSky);
  u.uYears.value = years;
  u.uDiffuseShare.value = fade.diffuseShare;
  const m = displayRemaining(fade, years, CLOSE_UP_NY);
  for (let i = 0; i < LAYER_SLOTS; i++) {
    const layer = design.layers[i];
    const on = layer !== undefined && layer.visible && (layerCounts?.[i] ?? 0) > 0;
    const c0 = on ? shadeConcentration(layer.shade) : 0;
    const growthPerYear = on ? displayGrowth(fade, layer.diameterMm, 1) - 1 : 0;
    const slot = i % 4;
    (i < 4 ? u.uConc0 : u.uConc1).value.setComponent(slot, c0);
    (i < 4 ? u.uGrowth0 : u.uGrowth1).value.setComponent(slot, growthPerYear);
    // The close-up discs: one colour per session, at a representative orientation.
    const g = 1 + growthPerYear * years;
    rampAt(ramp, (c0 * m) / g, logInk);
    const e = (i < 4 ? u.uInkLog0 : u.uInkLog1).value.elements;
    const column = 4 * slot;
    e[column] = on ? logInk[0] : 0;
    e[column + 1] = on ? logInk[1] : 0;
    e[column + 2] = on ? logInk[2] : 0;
    e[column + 3] = 0;
  }
}

/** Dots of the visible layers (what the viewer reports as drawn). */
export function visibleDotCount(design: Design, layerCounts: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < layerCounts.length; i++) if (design.layers[i]?.visible) n += layerCounts[i];
  return n;
}
