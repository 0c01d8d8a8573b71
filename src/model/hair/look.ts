/** The client's own scalp as the design starts from it: where hair still grows (the hair-loss
 * pattern, no hair on scar tissue), the shaved stubble there, and the scars as a texture. */
import type { Design } from '../design';
import type { DotsHead } from '../dots/types';
import { rasterizeChartField } from '../scalp/chartRaster';
import { scarField } from '../scalp/scars';
import { hairField } from './hairLoss';
import { generateStubble, type StubbleSet } from './stubble';

/** Texels per side of the scar map: ~0.2 mm per texel over the chart, finer than a scar's 0.5 mm
 * soft edge. */
export const SCAR_MAP_SIZE = 2048;

export interface ScalpLook {
  stubble: StubbleSet;
  /** Scar-tissue share in chart texture space (SCAR_MAP_SIZE², 0-255); null without scars. */
  scarMap: Uint8Array | null;
  scarMapSize: number;
}

/** Share of natural hair density per chart node: the pattern, and none on scar tissue. */
export function clientHairField(head: DotsHead, design: Pick<Design, 'hairLoss' | 'scars' | 'seed'>, scars?: Float32Array): Float32Array {
  const field = hairField(head, design.hairLoss);
  if (!design.scars.length) return field;
  const s = scars ?? scarField(head, design.scars, design.seed);
  for (let k = 0; k < field.length; k++) field[k] *= 1 - s[k];
  return field;
}

export function scalpLook(head: DotsHead, design: Design): ScalpLook {
  const scars = design.scars.length ? scarField(head, design.scars, design.seed) : null;
  const field = clientHairField(head, design, scars ?? undefined);
  const stubble = generateStubble(head, { ...design.stubble, seed: design.seed, hairField: field });
  return { stubble, scarMap: scars ? rasterizeChartField(head.chart, scars, SCAR_MAP_SIZE) : null, scarMapSize: SCAR_MAP_SIZE };
}
