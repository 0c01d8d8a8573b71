import { describe, expect, it } from 'vitest';
import { DESIGN_VERSION, DesignError, HeadMeasureError, defaultDesign, parseDesign, resolveMeasures } from '../../src/model';

describe('design', () => {
  it('the default design passes its own schema and survives JSON', () => {
    const d = defaultDesign();
    expect(parseDesign(JSON.parse(JSON.stringify(d)))).toEqual(d);
    expect(parseDesign(JSON.stringify(d))).toEqual(d);
  });

  it('refuses a value out of range, naming the field and the range', () => {
    const d = defaultDesign();
    const bad = { ...d, head: { ...d.head, circumferenceMm: 700 } };
    expect(() => parseDesign(bad)).toThrow(DesignError);
    expect(() => parseDesign(bad)).toThrow(/head\.circumferenceMm: Head circumference must be at most 660 mm/);
    const badSkin = { ...d, skin: { fitzpatrick: 7, customLab: null } };
    expect(() => parseDesign(badSkin)).toThrow(/skin\.fitzpatrick: Fitzpatrick type must be 1 to 6/);
  });

  it('refuses a pigment depth outside 0.1-3 mm, an unknown tone and an impossible hair colour, naming each', () => {
    const d = defaultDesign();
    expect(() => parseDesign({ ...d, pigment: { ...d.pigment, depthMm: 5 } })).toThrow(/pigment\.depthMm: Pigment depth must be at most 3 mm/);
    expect(() => parseDesign({ ...d, pigment: { ...d.pigment, depthMm: 0.05 } })).toThrow(/Pigment depth must be at least 0.1 mm/);
    expect(() => parseDesign({ ...d, pigment: { ...d.pigment, depthMm: 'deep' } })).toThrow(/Pigment depth must be a number/);
    expect(() => parseDesign({ ...d, pigment: { ...d.pigment, tone: 'green' } })).toThrow(/pigment\.tone/);
    expect(() => parseDesign({ ...d, hair: { preset: 'black', customLab: { L: 150, a: 0, b: 0 } } })).toThrow(/hair\.customLab\.L/);
    expect(() => parseDesign({ ...d, hair: { preset: 'purple', customLab: null } })).toThrow(/hair\.preset: Hair colour must be one of the presets/);
  });

  it('migrates a version 1 design: hair and pigment take their defaults, the rest is kept', () => {
    const { hair: _hair, pigment: _pigment, hairLoss: _l, stubble: _s, scars: _c, fade: _f, ...rest } = defaultDesign();
    const v1 = { ...rest, version: 1, name: 'Old file', hairline: { midFrontalHeightMm: 74, transitionMm: 14 }, layers: rest.layers.map((l) => ({ ...l, shade: 0.9 })) };
    const d = parseDesign(JSON.stringify(v1));
    expect(d.version).toBe(DESIGN_VERSION);
    expect(d.name).toBe('Old file');
    expect(d.pigment).toEqual({ depthMm: 0.2, tone: 'neutral' });
    expect(d.hair).toEqual({ preset: 'dark-brown', customLab: null });
    expect(d.layers.map((l) => l.shade)).toEqual([0.9, 0.9, 0.9]);
  });

  it('migrates a version 2 design: the hairline keeps its height and width, the scalp was treated whole', () => {
    const { hairLoss: _l, stubble: _s, scars: _c, fade: _f, ...rest } = defaultDesign();
    const v2 = { ...rest, version: 2, hairline: { midFrontalHeightMm: 92, transitionMm: 6 } };
    const d = parseDesign(v2);
    expect(d.version).toBe(3);
    expect(d.hairline).toMatchObject({ midFrontalHeightMm: 92, transitionMm: 6, handles: null, symmetric: true });
    // Drawn over a whole scalp before: no hair of the client's kept anywhere.
    expect(d.hairLoss).toMatchObject({ pattern: 'diffuse', diffuseRemaining: 0 });
    expect(d.scars).toEqual([]);
    expect(d.fade.hoursOutdoorsPerDay).toBeGreaterThanOrEqual(0);
  });

  it('refuses broken input with a readable message', () => {
    expect(() => parseDesign('{not json')).toThrow(/not valid JSON/);
    expect(() => parseDesign([])).toThrow(/must be an object/);
    expect(() => parseDesign({})).toThrow(/no version/);
    expect(() => parseDesign({ ...defaultDesign(), version: 99 })).toThrow(/newer than this app/);
  });
});

describe('head measures', () => {
  it('accepts the ANSUR II range and scales missing measures with the circumference', () => {
    const m = resolveMeasures({ circumferenceMm: 600 });
    expect(m.lengthMm).toBeCloseTo((196 * 600) / 570, 6);
    expect(m.breadthMm).toBeCloseTo((152 * 600) / 570, 6);
  });

  it('refuses a circumference outside 480-660 mm, naming the field and the range', () => {
    for (const c of [479, 661, Number.NaN]) {
      let err: unknown;
      try {
        resolveMeasures({ circumferenceMm: c });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(HeadMeasureError);
      expect((err as HeadMeasureError).field).toBe('circumferenceMm');
    }
    expect(() => resolveMeasures({ circumferenceMm: 700 })).toThrow(/Head circumference of 700 mm is outside the accepted range of 480-660 mm/);
  });
});
