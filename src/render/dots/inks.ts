/** Per-layer ink uniforms from the design: the colour each session's dots take in this skin, and
 * whether the session is shown. Written in place into the shared dot uniforms. */
import { Color } from 'three';
import { labToHex, layerInkLab, skinLab, type Design } from '../../model';
import { LAYER_SLOTS, type DotUniforms } from './shared';

const skin = new Color();
const ink = new Color();

/** `layerCounts` are the dots per layer of what is baked: a layer without dots stays off. */
export function writeInks(u: DotUniforms, design: Design, layerCounts: ArrayLike<number> | null): void {
  const skinColour = skinLab(design.skin);
  // Through sRGB hex, exactly as the skin material gets its colour (Color.set: sRGB -> linear).
  skin.set(labToHex(skinColour));
  for (let i = 0; i < LAYER_SLOTS; i++) {
    const e = (i < 4 ? u.uInkLog0 : u.uInkLog1).value.elements;
    const column = 4 * (i % 4);
    const layer = design.layers[i];
    const on = layer !== undefined && layer.visible && (layerCounts?.[i] ?? 0) > 0;
    if (on) ink.set(labToHex(layerInkLab(design, layer)));
    e[column] = on ? Math.log2(ink.r / Math.max(skin.r, 1e-4)) : 0;
    e[column + 1] = on ? Math.log2(ink.g / Math.max(skin.g, 1e-4)) : 0;
    e[column + 2] = on ? Math.log2(ink.b / Math.max(skin.b, 1e-4)) : 0;
    e[column + 3] = 0;
  }
}

/** Dots of the visible layers (what the viewer reports as drawn). */
export function visibleDotCount(design: Design, layerCounts: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < layerCounts.length; i++) if (design.layers[i]?.visible) n += layerCounts[i];
  return n;
}
