import { describe, expect, it } from 'vitest';
import { converter } from 'culori';
import { apparentDotLab, buildDotColorTable, ColorInputError, deltaE2000, itaCategory, itaDeg, lookupDotColor, SHADES, SKIN_PRESETS, skinFit, type Lab } from '../../src/model';

const TYPES = [1, 2, 3, 4, 5, 6] as const;
const fmt = (c: Lab) => `${c.L.toFixed(1)} / ${c.a.toFixed(1)} / ${c.b.toFixed(1)}`;
const toXyz = converter('xyz65');
const xyz = (c: Lab) => toXyz({ mode: 'lab65', l: c.L, a: c.a, b: c.b });

/** How a dot changes the skin's colour, apart from darkening it:
 * - densityRatio: the dot's apparent optical density in Z (blue) over that in X (red-weighted),
 *   -ln(Zdot/Zskin) / -ln(Xdot/Xskin). 1 is a grey filter; below 1 the pigment takes more red than
 *   blue away, i.e. the dot is cooler than the skin it sits in.
 * - hueShiftPerL: b* of the dot minus b* of the skin dimmed (XYZ scaled) to the dot's lightness,
 *   per unit of lightness contrast. */
function coolness(skin: Lab, dot: Lab) {
  const s = xyz(skin);
  const d = xyz(dot);
  const densityRatio = Math.log(d.z / s.z) / Math.log(d.x / s.x);
  const dimmedB = skin.b * Math.cbrt(d.y / s.y);
  return { densityRatio, hueShiftPerL: (dot.b - dimmedB) / (skin.L - dot.L) };
}

describe('skin presets', () => {
  it.each(TYPES)('type %i: measured ISSA median in its ITA class, with a source', (t) => {
    const p = SKIN_PRESETS[t];
    expect(itaCategory(itaDeg(p.lab))).toBe(p.itaClass);
    expect(p.source).toMatch(/ISSA/);
  });
});

describe('bare skin: the fitted optical model reproduces each preset', () => {
  it.each(TYPES)('type %i: concentration 0 gives the preset within CIEDE2000 2, before and after calibration', (t) => {
    const skin = SKIN_PRESETS[t].lab;
    const fit = skinFit(skin);
    const bare = apparentDotLab({ skin, concentration: 0, depthMm: 0.5, tone: 'neutral' });
    console.log(
      `type ${t}: preset ${fmt(skin)}; fitted model ${fmt(fit.modelLab)} (dE00 ${fit.residualDeltaE00.toFixed(3)}; ` +
        `melanin ${(fit.melanin * 100).toFixed(2)} %, blood ${(fit.blood * 100).toFixed(2)} %, scattering x${fit.scatter.toFixed(3)}); ` +
        `dot at c=0: dE00 ${deltaE2000(bare, skin).toFixed(4)}`,
    );
    expect(fit.residualDeltaE00).toBeLessThan(2);
    for (const depthMm of [0.1, 0.5, 3]) {
      expect(deltaE2000(apparentDotLab({ skin, concentration: 0, depthMm, tone: 'warm' }), skin)).toBeLessThan(2);
    }
  });

  it('is deterministic: the same input gives the same colour', () => {
    const skin = { L: 57.1, a: 10.3, b: 16.2 };
    const a = apparentDotLab({ skin, concentration: 0.37, depthMm: 0.8, tone: 'cool' });
    const b = apparentDotLab({ skin: { ...skin }, concentration: 0.37, depthMm: 0.8, tone: 'cool' });
    expect(b).toEqual(a);
  });
});

describe('a healed dot', () => {
  it('is darker the denser the pigment (L* falls with concentration), on every skin type', () => {
    for (const t of TYPES) {
      const skin = SKIN_PRESETS[t].lab;
      const row: string[] = [];
      let previous = skin.L + 1e-9;
      for (const concentration of [0, 0.1, 0.25, 0.5, 0.75, 1]) {
        const dot = apparentDotLab({ skin, concentration, depthMm: 0.3, tone: 'neutral' });
        row.push(`c ${concentration}: L* ${dot.L.toFixed(1)}`);
        expect(dot.L).toBeLessThan(previous);
        previous = dot.L;
      }
      console.log(`L* vs concentration, type ${t}, pigment at 0.3 mm: ${row.join(', ')}`);
    }
    // The dilution ladder is ordered too, and its neighbours stay apart on light skin at 0.2 mm.
    const skin = SKIN_PRESETS[2].lab;
    const ladder = SHADES.filter((s) => s.tone === 'neutral').map((s) => apparentDotLab({ skin, concentration: s.concentration, depthMm: 0.2, tone: 'neutral' }));
    const steps = ladder.slice(1).map((c, i) => deltaE2000(ladder[i], c));
    console.log(`neutral ladder on type II at 0.2 mm: L* ${ladder.map((c) => c.L.toFixed(1)).join(', ')}; neighbour dE00 ${steps.map((d) => d.toFixed(1)).join(', ')}`);
    for (let i = 1; i < ladder.length; i++) expect(ladder[i].L).toBeLessThan(ladder[i - 1].L);
    expect(Math.min(...steps)).toBeGreaterThan(0.9);
  });

  it('comes out cooler, bluer for its contrast, when the pigment is deeper (0.3 -> 1.5 mm)', () => {
    for (const t of TYPES) {
      const skin = SKIN_PRESETS[t].lab;
      const shallow = apparentDotLab({ skin, concentration: 1, depthMm: 0.3, tone: 'neutral' });
      const deep = apparentDotLab({ skin, concentration: 1, depthMm: 1.5, tone: 'neutral' });
      const s = coolness(skin, shallow);
      const d = coolness(skin, deep);
      console.log(
        `type ${t}, undiluted: 0.3 mm ${fmt(shallow)}, 1.5 mm ${fmt(deep)} (skin ${fmt(skin)}); ` +
          `blue/red density ${s.densityRatio.toFixed(2)} -> ${d.densityRatio.toFixed(2)}; ` +
          `b* shift per unit L* contrast ${s.hueShiftPerL.toFixed(2)} -> ${d.hueShiftPerL.toFixed(2)}; ` +
          `absolute b* ${shallow.b.toFixed(1)} -> ${deep.b.toFixed(1)} (the deeper dot is fainter, so nearer the skin's b*)`,
      );
      // The pigment's own filter: deeper, it removes relatively more red than blue.
      expect(d.densityRatio).toBeLessThan(s.densityRatio);
      // Compared with plain darkening of the skin, the deeper dot's b* falls more per unit contrast.
      expect(d.hueShiftPerL).toBeLessThan(s.hueShiftPerL);
      expect(d.hueShiftPerL).toBeLessThan(0);
    }
  });

  it('shifts toward blue with depth: at the same lightness, b* falls as the pigment goes from 0.3 to 1.5 mm', () => {
    // A deeper dot of the same ink is also fainter (more skin over it), and fainter means nearer the
    // skin's own b*; so the hue is compared at equal lightness: the 1.5 mm undiluted dot against the
    // 0.3 mm dot diluted to the same L*. Measured: b* 6.2 vs 8.3 (type I), 13.1 vs 14.1 (III),
    // 16.0 vs 16.2 (V), 8.65 vs 8.68 (VI, where the epidermis hides nearly everything).
    const at = (skin: Lab, concentration: number, depthMm: number) => apparentDotLab({ skin, concentration, depthMm, tone: 'neutral' });
    for (const t of TYPES) {
      const skin = SKIN_PRESETS[t].lab;
      const row: string[] = [];
      for (const depthMm of [0.5, 0.8, 1.5]) {
        const deep = at(skin, 1, depthMm);
        let lo = 0;
        let hi = 1;
        for (let k = 0; k < 40; k++) {
          const mid = (lo + hi) / 2;
          if (at(skin, mid, 0.3).L > deep.L) lo = mid;
          else hi = mid;
        }
        const shallow = at(skin, (lo + hi) / 2, 0.3);
        row.push(`${depthMm} mm: L* ${deep.L.toFixed(1)} b* ${deep.b.toFixed(2)} vs 0.3 mm at c=${lo.toFixed(3)} b* ${shallow.b.toFixed(2)}`);
        expect(Math.abs(shallow.L - deep.L)).toBeLessThan(0.01);
        expect(deep.b).toBeLessThan(shallow.b);
      }
      console.log(`type ${t}, equal lightness: ${row.join('; ')}`);
    }
  });

  it('looks different on skin types I and VI: far more contrast on I than on VI', () => {
    const input = { concentration: 1, depthMm: 0.3, tone: 'neutral' as const };
    const skinI = SKIN_PRESETS[1].lab;
    const skinVI = SKIN_PRESETS[6].lab;
    const dotI = apparentDotLab({ ...input, skin: skinI });
    const dotVI = apparentDotLab({ ...input, skin: skinVI });
    const dLI = skinI.L - dotI.L;
    const dLVI = skinVI.L - dotVI.L;
    const contrastI = deltaE2000(dotI, skinI);
    const contrastVI = deltaE2000(dotVI, skinVI);
    console.log(
      `undiluted at 0.3 mm: type I skin ${fmt(skinI)} dot ${fmt(dotI)} (dL* ${dLI.toFixed(1)}, dE00 ${contrastI.toFixed(1)}, ` +
        `dot L*/skin L* ${(dotI.L / skinI.L).toFixed(2)}); type VI skin ${fmt(skinVI)} dot ${fmt(dotVI)} (dL* ${dLVI.toFixed(1)}, ` +
        `dE00 ${contrastVI.toFixed(1)}, dot L*/skin L* ${(dotVI.L / skinVI.L).toFixed(2)}); dot I vs dot VI dE00 ${deltaE2000(dotI, dotVI).toFixed(1)}`,
    );
    expect(dLI).toBeGreaterThan(3 * dLVI);
    expect(contrastI).toBeGreaterThan(3 * contrastVI);
    expect(dotI.L / skinI.L).toBeLessThan(dotVI.L / skinVI.L);
    expect(deltaE2000(dotI, dotVI)).toBeGreaterThan(10);
  });

  it('takes the tone of the pigment: warm is yellower, cool bluer, than neutral', () => {
    const skin = SKIN_PRESETS[3].lab;
    const [warm, neutral, cool] = (['warm', 'neutral', 'cool'] as const).map((tone) => apparentDotLab({ skin, concentration: 0.5, depthMm: 0.3, tone }));
    console.log(`type III, 1:1 at 0.3 mm: warm ${fmt(warm)}, neutral ${fmt(neutral)}, cool ${fmt(cool)}`);
    expect(warm.b).toBeGreaterThan(neutral.b);
    expect(neutral.b).toBeGreaterThan(cool.b);
    // A small tint, not another colour.
    expect(deltaE2000(warm, neutral)).toBeLessThan(5);
    expect(deltaE2000(cool, neutral)).toBeLessThan(5);
  });
});

describe('bad input is refused, naming the field and its range', () => {
  const skin = SKIN_PRESETS[3].lab;
  const cases: [string, () => unknown, string, RegExp][] = [
    ['depth too shallow', () => apparentDotLab({ skin, concentration: 0.5, depthMm: 0.05, tone: 'neutral' }), 'depthMm', /depthMm must be a number from 0.1 to 3 mm/],
    ['depth too deep', () => apparentDotLab({ skin, concentration: 0.5, depthMm: 3.2, tone: 'neutral' }), 'depthMm', /from 0.1 to 3 mm/],
    ['depth NaN', () => apparentDotLab({ skin, concentration: 0.5, depthMm: Number.NaN, tone: 'neutral' }), 'depthMm', /depthMm/],
    ['negative concentration', () => apparentDotLab({ skin, concentration: -0.1, depthMm: 1, tone: 'neutral' }), 'concentration', /concentration must be a number from 0 to 1/],
    ['concentration above 1', () => apparentDotLab({ skin, concentration: 1.5, depthMm: 1, tone: 'neutral' }), 'concentration', /from 0 to 1/],
    ['L* above 100', () => apparentDotLab({ skin: { L: 101, a: 0, b: 0 }, concentration: 0.5, depthMm: 1, tone: 'neutral' }), 'skin.L', /skin\.L must be a number from 0 to 100/],
    ['L* below 0', () => buildDotColorTable({ L: -1, a: 0, b: 0 }, 'neutral'), 'skin.L', /from 0 to 100/],
    ['unknown tone', () => buildDotColorTable(skin, 'purple' as never), 'tone', /tone must be/],
    ['lookup depth', () => lookupDotColor(buildDotColorTable(skin, 'neutral'), 3.5, 0.5), 'depthMm', /from 0.1 to 3 mm/],
    ['lookup concentration', () => lookupDotColor(buildDotColorTable(skin, 'neutral'), 1, -0.2), 'concentration', /from 0 to 1/],
  ];
  it.each(cases)('%s', (_name, run, field, message) => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ColorInputError);
    expect((error as ColorInputError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
  });
});

describe('the fast path: a precomputed depth x concentration table', () => {
  it('matches the full model within CIEDE2000 0.3 everywhere sampled', () => {
    for (const t of [1, 3, 6] as const) {
      const skin = SKIN_PRESETS[t].lab;
      const table = buildDotColorTable(skin, 'warm');
      let seed = 20261121;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      let worst = 0;
      for (let k = 0; k < 400; k++) {
        const depthMm = 0.1 + random() * 2.9;
        const concentration = random();
        const direct = apparentDotLab({ skin, concentration, depthMm, tone: 'warm' });
        worst = Math.max(worst, deltaE2000(lookupDotColor(table, depthMm, concentration), direct));
      }
      // The table's corners are exact.
      expect(deltaE2000(lookupDotColor(table, 3, 1), apparentDotLab({ skin, concentration: 1, depthMm: 3, tone: 'warm' }))).toBeLessThan(1e-9);
      console.log(`type ${t}: worst lookup error over 400 random points dE00 ${worst.toFixed(3)}`);
      expect(worst).toBeLessThan(0.3);
    }
  });

  it('builds in under 50 ms and looks up in under 1 microsecond', () => {
    buildDotColorTable({ L: 50, a: 10, b: 15 }, 'neutral'); // compile the code once
    const builds: number[] = [];
    for (let k = 0; k < 5; k++) {
      const skin = { L: 40 + 6 * k, a: 9 + 0.5 * k, b: 12 + k }; // a new skin each time: the fit is included
      const t0 = performance.now();
      buildDotColorTable(skin, 'neutral');
      builds.push(performance.now() - t0);
    }
    const table = buildDotColorTable(SKIN_PRESETS[2].lab, 'neutral');
    const lookup = lookupDotColor;
    const out = { L: 0, a: 0, b: 0 };
    const n = 1_000_000;
    let sink = 0;
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      // The first run also warms the function up; the best of three is the steady-state cost.
      const t1 = performance.now();
      for (let k = 0; k < n; k++) {
        lookup(table, 0.1 + (k % 290) * 0.01, (k % 101) / 100, out);
        sink += out.L;
      }
      runs.push(((performance.now() - t1) * 1000) / n);
    }
    const perLookupUs = Math.min(...runs);
    builds.sort((x, y) => x - y);
    console.log(
      `buildDotColorTable with a fresh skin fit: ${builds.map((b) => b.toFixed(1)).join(', ')} ms (median ${builds[2].toFixed(1)}); ` +
        `lookupDotColor ${runs.map((r) => (r * 1000).toFixed(0)).join(', ')} ns each over three runs of a million`,
    );
    expect(sink).toBeGreaterThan(0);
    expect(builds[2]).toBeLessThan(50);
    expect(perLookupUs).toBeLessThan(1);
  });
});
