/** Session (layer) helpers for the store: what forces new dots, and new sessions. */
import { MAX_LAYERS, type Design, type HeadModel, type Layer } from '../model';

/** Everything that changes where dots are; shade, visibility and names only re-colour. */
export function samplingKey(head: Pick<HeadModel, 'measures' | 'sex'>, design: Design): string {
  return JSON.stringify([
    head.measures,
    head.sex,
    design.seed,
    design.hairline,
    design.hairLoss,
    design.scars,
    design.stubble.densityFuPerCm2,
    design.layers.map((l) => [l.densityPerCm2, l.diameterMm, l.irregularity, l.hairlineOffsetMm]),
  ]);
}

/** Everything that changes the client's own scalp (stubble, scars); the hair colour only re-colours. */
export function lookKey(head: HeadModel, design: Design): string {
  return JSON.stringify([head.measures, head.sex, design.seed, design.hairLoss, design.stubble, design.scars]);
}

/** A further session: a little darker and finer than the last, at a moderate density. */
export function newLayer(layers: Layer[]): Layer {
  const last = layers[layers.length - 1];
  let n = layers.length + 1;
  while (layers.some((l) => l.id === `s${n}`)) n++;
  return {
    id: `s${n}`,
    name: `Session ${layers.length + 1}`,
    visible: true,
    densityPerCm2: 40,
    diameterMm: last ? Math.max(0.1, Math.round((last.diameterMm - 0.02) * 100) / 100) : 0.25,
    shade: last ? Math.min(1, Math.round((last.shade + 0.1) * 100) / 100) : 0.45,
    irregularity: last?.irregularity ?? 0.3,
    hairlineOffsetMm: 0,
  };
}

export const canAddLayer = (design: Design) => design.layers.length < MAX_LAYERS;
