/** Sampler figures in Node: our dots on the head against the npm package poisson-disk-sampling
 * filling a flat square with as many points, in the same run. */
import PoissonDiskSampling from 'poisson-disk-sampling';
import { createHead, defaultDesign, generateDots, type Design } from '../../src/model';
import { createRng } from '../../src/model/rng';

export function benchDots(emit: (row: Record<string, unknown>) => void): void {
  const head = createHead();
  // One session dense enough for a million dots on this scalp (0.1 mm dots, the finest needle).
  const design: Design = {
    ...defaultDesign(),
    layers: [{ id: 'm', name: 'Million', visible: true, densityPerCm2: 2000, diameterMm: 0.1, shade: 0.7, irregularity: 0, hairlineOffsetMm: 0 }],
  };
  generateDots(head, { ...design, layers: [{ ...design.layers[0], densityPerCm2: 200 }] }); // warm-up (JIT)
  const t0 = performance.now();
  const dots = generateDots(head, design);
  const oursMs = performance.now() - t0;
  const bytes = [dots.positions, dots.normals, dots.uv, dots.uvAxes, dots.layer, dots.diameterMm, dots.shade].reduce((s, a) => s + a.byteLength, 0);
  const oursPerS = dots.count / (oursMs / 1000);
  emit({ bench: 'generateDots', dots: dots.count, ms: round(oursMs), dotsPerS: Math.round(oursPerS), typedArrayMB: round(bytes / 2 ** 20) });

  // The reference fills a square with the same number of points at the same spacing rule.
  const side = 1000;
  const minDistance = Math.sqrt((side * side * 0.8) / dots.count);
  const rng = createRng(1);
  const t1 = performance.now();
  const pds = new PoissonDiskSampling({ shape: [side, side], minDistance, maxDistance: minDistance * 2, tries: 30 }, rng.next);
  const points = pds.fill();
  const pdsMs = performance.now() - t1;
  const pdsPerS = points.length / (pdsMs / 1000);
  emit({ bench: 'poisson-disk-sampling (flat square)', points: points.length, ms: round(pdsMs), pointsPerS: Math.round(pdsPerS) });
  emit({ bench: 'sampler speed ratio (ours / poisson-disk-sampling)', ratio: round(oursPerS / pdsPerS) });
}

const round = (x: number) => Math.round(x * 100) / 100;
