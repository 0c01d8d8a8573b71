/** Fading simulation figures in Node: 1,000,000 dots at 12 and at 20 time points. The dots are
 * synthetic (random normals over the upper half of a head, the default design's three sessions),
 * since generating a million real dots takes longer than simulating them; the simulation does not
 * depend on where dots are, only on their normals, sizes and shades. */
import { defaultDesign, type DotSet } from '../../src/model';
import { createRng } from '../../src/model/rng';
import { simulateFade } from '../../src/model/fade/simulate';
import { planTouchUps } from '../../src/model/fade/touchUps';
import { fadePreset } from '../../src/model/fade/scenario';

const HEAD = { landmarks: {} } as Parameters<typeof simulateFade>[0];

export function syntheticDots(count: number, seed = 7): DotSet {
  const design = defaultDesign();
  const rng = createRng(seed, 99);
  const normals = new Float32Array(3 * count);
  const positions = new Float32Array(3 * count);
  const layer = new Uint8Array(count);
  const diameterMm = new Float32Array(count);
  const shade = new Float32Array(count);
  const layers = design.layers.length;
  for (let i = 0; i < count; i++) {
    const ny = -0.3 + 1.3 * rng.next();
    const phi = 2 * Math.PI * rng.next();
    const r = Math.sqrt(1 - ny * ny);
    normals[3 * i] = r * Math.cos(phi);
    normals[3 * i + 1] = ny;
    normals[3 * i + 2] = r * Math.sin(phi);
    for (let c = 0; c < 3; c++) positions[3 * i + c] = 90 * normals[3 * i + c];
    const k = Math.floor((i * layers) / count);
    layer[i] = k;
    diameterMm[i] = design.layers[k].diameterMm;
    shade[i] = design.layers[k].shade;
  }
  const layerCounts = new Uint32Array(layers).fill(Math.floor(count / layers));
  // The area these dots would cover at the default design's ~170 dots/cm².
  const areaCm2 = count / 170;
  return {
    count,
    positions,
    normals,
    uv: new Float32Array(2 * count),
    uvAxes: new Float32Array(4 * count),
    layer,
    diameterMm,
    shade,
    layerCounts,
    layerAreaCm2: new Float32Array(layers).fill(areaCm2),
  };
}

export function benchFade(emit: (row: Record<string, unknown>) => void): void {
  const design = defaultDesign();
  const scenario = fadePreset('indoor-temperate-sunscreen');
  const dots = syntheticDots(1_000_000);
  simulateFade(HEAD, design, syntheticDots(50_000), [0, 1, 5], scenario); // warm-up (JIT)
  for (const n of [12, 20]) {
    const years = Array.from({ length: n }, (_, k) => (20 * k) / (n - 1));
    let last: ReturnType<typeof simulateFade> | null = null;
    for (const mode of ['fresh buffers', 'reused buffers', 'no per-dot output'] as const) {
      const perDot = mode !== 'no per-dot output';
      const reuse = mode === 'reused buffers' && last ? { concentration: last.concentration, diameterMm: last.diameterMm } : undefined;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = simulateFade(HEAD, design, dots, years, scenario, { perDot, reuse });
      last = r;
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      // CPU time as well as wall time: on a machine shared with other jobs, wall time includes waiting.
      emit({
        bench: `simulateFade x${n} years, ${mode}`,
        dots: dots.count,
        years: n,
        ms: round(ms),
        cpuMs: round((cpu.user + cpu.system) / 1000),
        dotsPerS: Math.round(dots.count / (ms / 1000)),
        dotYearsPerS: Math.round((dots.count * n) / (ms / 1000)),
        outputMB: round(((r.concentration?.byteLength ?? 0) * 2) / 2 ** 20),
      });
    }
  }
  const t1 = performance.now();
  const plan = planTouchUps(HEAD, design, dots, scenario, 20);
  emit({ bench: 'planTouchUps 20 y monthly', dots: dots.count, sampledDots: plan.sampledDots, ms: round(performance.now() - t1), touchUps: plan.schedule.length });
}

const round = (x: number) => Math.round(x * 100) / 100;

// Run directly: `npx tsx test/bench/fade.ts`.
if (import.meta.url === `file://${process.argv[1]}`) benchFade((row) => console.log(JSON.stringify(row)));
