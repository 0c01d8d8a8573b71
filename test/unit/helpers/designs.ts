import { defaultDesign, type Design } from '../../../src/model/design';
import { defaultScar } from '../../../src/model/scalp/scarSchema';

/** A design unlike the default in every part, with text no ASCII-only path survives. */
export function customDesign(): Design {
  const d = defaultDesign();
  return {
    ...d,
    name: 'Ms Müller, crown only – try 2 🙂',
    seed: 4_000_000_123,
    skin: { fitzpatrick: 5, customLab: { L: 41.5, a: 25.5, b: 13.3 } },
    hair: { preset: 'black', customLab: null },
    pigment: { depthMm: 0.35, tone: 'cool' },
    hairline: { ...d.hairline, midFrontalHeightMm: 92.5, transitionMm: 14, irregularityMm: 0.8, symmetric: false },
    scars: [defaultScar('strip', 'fue-strip'), defaultScar('free', 'burn')],
    fade: { ...d.fade, hoursOutdoorsPerDay: 6.5, hat: 'sometimes', prices: { ...d.fade.prices, treatmentLow: 1800, treatmentHigh: 3200, currency: '€' } },
    layers: d.layers.slice(0, 2).map((l, k) => ({ ...l, densityPerCm2: 77.7 + k, diameterMm: 0.3, shade: 0.123456789, visible: k === 0 })),
  };
}
