/** The colours a design shows: the client's hair, each session's healed dots and the shade match,
 * all from the optical model at the design's pigment depth and tone and its client's stubble. */
import type { Design, Layer } from '../design';
import type { Lab } from './lab';
import { hairColor } from './hairColors';
import { apparentDotLab } from './optics';
import { shadeConcentration } from './pigments';
import { matchShade, type ShadeMatch } from './shadeMatch';
import { skinLab } from './skin';

export function hairLab(hair: Design['hair']): Lab {
  if (hair.customLab) return hair.customLab;
  const preset = hairColor(hair.preset);
  if (!preset) throw new Error(`Unknown hair colour preset '${hair.preset}'`);
  return preset.lab;
}

/** The healed colour of one session's dots in this design's skin. */
export function layerInkLab(design: Design, layer: Pick<Layer, 'shade'>): Lab {
  return apparentDotLab({
    skin: skinLab(design.skin),
    concentration: shadeConcentration(layer.shade),
    depthMm: design.pigment.depthMm,
    tone: design.pigment.tone,
  });
}

/** The shade ladder of the design's tone scored against the client's stubble (its follicle colour). */
export function designShadeMatch(design: Design): ShadeMatch {
  const { pigment } = design;
  return matchShade({ hair: hairLab(design.hair), skin: skinLab(design.skin), depthMm: pigment.depthMm, tone: pigment.tone, stubble: design.stubble });
}
