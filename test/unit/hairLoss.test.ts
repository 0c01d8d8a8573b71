import { beforeAll, describe, expect, it } from 'vitest';
import { createHead, type HeadModel } from '../../src/model';
import { baldAreaShare, defaultHairLoss, hairField, hairLossSchema, HAIR_LOSS_PATTERNS, type HairLoss, type HairLossPatternId } from '../../src/model/hair/hairLoss';
import { depthInsideOutline } from '../../src/model/hair/anchors';
import { ScalpSurface } from '../../src/model/scalp/surface';
import { defaultHead } from './helpers/defaultHead';

let head: HeadModel;
let small: HeadModel;
let large: HeadModel;
beforeAll(() => {
  head = defaultHead();
  // 5th and 95th percentile heads (ANSUR II, SCIENCE.md section 4).
  small = createHead({ circumferenceMm: 540.4, lengthMm: 181.2, breadthMm: 142.1 });
  large = createHead({ circumferenceMm: 599.6, lengthMm: 210.8, breadthMm: 161.9 });
}, 60_000);

const NORWOOD: HairLossPatternId[] = ['none', 'norwood-2', 'norwood-3', 'norwood-3v', 'norwood-4', 'norwood-5', 'norwood-6', 'norwood-7'];
const LUDWIG: HairLossPatternId[] = ['ludwig-1', 'ludwig-2', 'ludwig-3'];
const loss = (pattern: HairLossPatternId, extra: Partial<HairLoss> = {}): HairLoss => ({ ...defaultHairLoss(), pattern, ...extra });
const share = (h: HeadModel, pattern: HairLossPatternId) => baldAreaShare(h, hairField(h, loss(pattern)));
const pct = (x: number) => +(100 * x).toFixed(1);

/** Hair share along the front midline (chart row 0) from the crown outward, with the arc
 * length (mm) of each node from the chart pole; up to the natural hairline (where Norwood I's
 * hair ends). */
function midline(h: HeadModel, field: Float32Array): { arcMm: number[]; hair: number[] } {
  const { fromPoleMm } = depthInsideOutline(h);
  const natural = hairField(h, loss('none'));
  const arcMm: number[] = [],
    hair: number[] = [];
  for (let i = 0; i <= h.chart.thetaSteps && natural[i] >= 0.5; i++) {
    arcMm.push(fromPoleMm[i]);
    hair.push(field[i]);
  }
  return { arcMm, hair };
}

/** Runs of nodes with hair share >= 0.5 (hair) or < 0.5 (bald) along a profile. */
function runs(p: { arcMm: number[]; hair: number[] }): { bald: boolean; fromMm: number; toMm: number; max: number }[] {
  const out: { bald: boolean; fromMm: number; toMm: number; max: number }[] = [];
  p.hair.forEach((v, i) => {
    const bald = v < 0.5;
    const last = out[out.length - 1];
    if (last && last.bald === bald) {
      last.toMm = p.arcMm[i];
      last.max = Math.max(last.max, v);
    } else out.push({ bald, fromMm: p.arcMm[i], toMm: p.arcMm[i], max: v });
  });
  return out;
}

describe('hair-loss patterns', () => {
  it('Norwood I to VII: the bald share of the scalp grows at every stage (III vertex >= III)', () => {
    const shares = NORWOOD.map((p) => share(head, p));
    console.log('Norwood bald share of the hair-bearing region (%):', Object.fromEntries(NORWOOD.map((p, k) => [p, pct(shares[k])])));
    for (let k = 1; k < shares.length; k++) expect(shares[k]).toBeGreaterThan(shares[k - 1] + 0.02);
    // Norwood I: hair everywhere behind the natural hairline; only the forehead strip in front
    // of it (the region reaches 4.5 cm above the glabella, the hairline sits at 8 cm) is bare.
    expect(shares[0]).toBeLessThan(0.15);
    // Norwood VII keeps only a horseshoe: most of the region is bald.
    expect(shares[7]).toBeGreaterThan(0.6);
  });

  it('Ludwig I < II < III, each keeping the frontal hairline', () => {
    const shares = LUDWIG.map((p) => share(head, p));
    console.log('Ludwig bald share (%):', Object.fromEntries(LUDWIG.map((p, k) => [p, pct(shares[k])])));
    expect(shares[1]).toBeGreaterThan(shares[0] + 0.02);
    expect(shares[2]).toBeGreaterThan(shares[1] + 0.02);
    for (const p of LUDWIG) {
      const m = runs(midline(head, hairField(head, loss(p))));
      // From the crown forward: thinning, then the kept band behind the hairline (Ludwig 1977:
      // the loss starts 1-3 cm behind it).
      const front = m[m.length - 1];
      console.log(p, 'kept frontal band (mm):', +(front.toMm - front.fromMm).toFixed(1));
      expect(front.bald).toBe(false);
      expect(front.toMm - front.fromMm).toBeGreaterThan(8);
      expect(front.toMm - front.fromMm).toBeLessThan(32);
    }
  });

  it('Norwood IV: a solid band between frontal and crown loss; V: the band thins; VI: it is gone', () => {
    const band = (p: HairLossPatternId) => runs(midline(head, hairField(head, loss(p))));
    const iv = band('norwood-4'),
      v = band('norwood-5'),
      vi = band('norwood-6');
    console.log('midline runs IV', iv, 'V', v, 'VI', vi);
    // IV: crown bald, band of full hair, frontal bald, (forelock-free) midline to the hairline.
    expect(iv.map((r) => r.bald)).toEqual([true, false, true]);
    expect(iv[1].max).toBeGreaterThan(0.99);
    expect(iv[1].toMm - iv[1].fromMm).toBeGreaterThan(15);
    // V: the band is still there, but thin (under 60 % of full density).
    expect(v.map((r) => r.bald)).toEqual([true, false, true]);
    expect(v[1].max).toBeLessThan(0.6);
    // VI: bald from the crown to the front.
    expect(vi.map((r) => r.bald)).toEqual([true]);
  });

  it('Norwood VII keeps a horseshoe at the sides and back, nothing on top or in front', () => {
    const f = hairField(head, loss('norwood-7'));
    const { depthMm } = depthInsideOutline(head);
    const cols = head.chart.thetaSteps + 1;
    const at = (j: number, heightMm: number) => {
      let best = 0;
      for (let i = 0; i < cols; i++) if (Math.abs(depthMm[j * cols + i] - heightMm) < Math.abs(depthMm[j * cols + best] - heightMm)) best = i;
      return f[j * cols + best];
    };
    const q = head.chart.phiSteps / 4;
    const kept = { backLow: at(2 * q, 30), leftAboveEar: at(q, 15), rightAboveEar: at(3 * q, 15) };
    const lost = { backHigh: at(2 * q, 100), sideHigh: at(q, 60), front: at(0, 40), pole: f[0] };
    console.log('Norwood VII hair share', kept, lost);
    for (const v of Object.values(kept)) expect(v).toBeGreaterThan(0.99);
    for (const v of Object.values(lost)) expect(v).toBeLessThan(0.01);
  });

  it('scales with the head: bald shares of the 5th and 95th percentile heads within 3 points', () => {
    const rows: Record<string, number[]> = {};
    for (const p of [...NORWOOD, ...LUDWIG]) {
      const s = [share(small, p), share(head, p), share(large, p)];
      rows[p] = s.map(pct);
      expect(Math.abs(s[2] - s[0])).toBeLessThan(0.03);
    }
    console.log('bald share (%) on 5th / 50th / 95th percentile heads:', rows);
  });

  it('a brush "remove" makes a bald disc of its size there; "add" over it brings the hair back', () => {
    const v = head.landmarks.vertex;
    const surface = new ScalpSurface(head.chart);
    surface.project(v[0] + 30, v[1], v[2] + 20);
    const c: [number, number, number] = [surface.x, surface.y, surface.z];
    const r = 20;
    const base = hairField(head, loss('none'));
    const removed = hairField(head, loss('none', { corrections: [{ centerMm: c, radiusMm: r, mode: 'remove' }] }));
    const restored = hairField(
      head,
      loss('none', {
        corrections: [
          { centerMm: c, radiusMm: r, mode: 'remove' },
          { centerMm: c, radiusMm: r, mode: 'add' },
        ],
      }),
    );
    surface.project(c[0], c[1], c[2]);
    const atCentre = [surface.sampleGrid(base), surface.sampleGrid(removed), surface.sampleGrid(restored)];
    const shares = [baldAreaShare(head, base), baldAreaShare(head, removed), baldAreaShare(head, restored)];
    const discShare = (Math.PI * r * r) / head.chart.regionAreaMm2;
    console.log('brush: hair at centre base/removed/restored', atCentre, 'bald share (%)', shares.map(pct), 'disc share (%)', pct(discShare));
    expect(atCentre[0]).toBeGreaterThan(0.99);
    expect(atCentre[1]).toBeLessThan(0.01);
    expect(atCentre[2]).toBeGreaterThan(0.99);
    // The bald area grows by the disc's area (a 20 mm disc on a curved head: within 10 %).
    expect(shares[1] - shares[0]).toBeGreaterThan(0.9 * discShare);
    expect(shares[1] - shares[0]).toBeLessThan(1.1 * discShare);
    expect(Math.abs(shares[2] - shares[0])).toBeLessThan(0.002);
  });

  it('diffuse thinning leaves the chosen share everywhere behind the hairline', () => {
    const f = hairField(head, loss('diffuse', { diffuseRemaining: 0.3 }));
    const v = head.landmarks.vertex;
    const surface = new ScalpSurface(head.chart);
    surface.project(v[0], v[1], v[2]);
    console.log('diffuse 0.3 at the vertex:', surface.sampleGrid(f));
    expect(surface.sampleGrid(f)).toBeCloseTo(0.3, 3);
  });

  it('the schema refuses bad input with the field and range named', () => {
    expect(hairLossSchema.parse(defaultHairLoss())).toEqual(defaultHairLoss());
    expect(HAIR_LOSS_PATTERNS.map((p) => p.id)).toEqual([...NORWOOD, ...LUDWIG, 'diffuse']);
    const msg = (x: unknown) => {
      const r = hairLossSchema.safeParse(x);
      return r.success ? '' : r.error.issues[0].message;
    };
    const c = { centerMm: [0, 100, 0], radiusMm: 10, mode: 'add' };
    expect(msg({ ...defaultHairLoss(), corrections: [{ ...c, radiusMm: 50 }] })).toBe('Brush radius must be at most 40 mm');
    expect(msg({ ...defaultHairLoss(), corrections: [{ ...c, radiusMm: 1 }] })).toBe('Brush radius must be at least 2 mm');
    expect(msg({ ...defaultHairLoss(), diffuseRemaining: 1.5 })).toBe('Remaining hair share must be at most 1');
    expect(msg({ ...defaultHairLoss(), corrections: [{ ...c, mode: 'paint' }] })).toBe("Brush mode must be 'add' or 'remove'");
    expect(msg({ ...defaultHairLoss(), pattern: 'norwood-8' })).toMatch(/^Hair-loss pattern must be one of none, norwood-2/);
    expect(msg({ ...defaultHairLoss(), corrections: Array(501).fill(c) })).toBe('At most 500 hair-loss corrections');
  });
});
