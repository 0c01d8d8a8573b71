// Between a fitted photo and the scalp: a pixel shows the first scalp point on its line of sight
// (model/photo/scalpOnPhoto.ts). Scalp points seen by the camera come back from their own pixel to
// within a hundredth of a millimetre; points behind the head, and pixels off the head or on the
// face, show no scalp; a hairline handle dragged on the photo lands under the pointer.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  defaultDesign,
  fitRotation,
  hairlineOnPhoto,
  headPointAtPixel,
  moveHandleOnPhoto,
  orthoFitOfPinhole,
  projectToPhoto,
  rotationOf,
  scalpPointAtPixel,
  type HeadModel,
  type OrthoFit,
  type Vec3,
} from '../../src/model';
import { defaultHead } from './helpers/defaultHead';

const fit = (yawDeg: number, pitchDeg: number, rollDeg = 0): OrthoFit => ({ yawDeg, pitchDeg, rollDeg, mmPerPx: 0.4, originPx: [600, 700] });
/** A phone's photo 45 cm from the head, drawn through its camera (lines of sight from it). */
const close = (yawDeg: number, pitchDeg: number, rollDeg = 0): OrthoFit =>
  orthoFitOfPinhole(rotationOf({ yawDeg, pitchDeg, rollDeg }), [0, -40, -450], { focalPx: 1500, principalPx: [1000, 1300] }, head.chart.centerMm);
const distance = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

let head: HeadModel;
beforeAll(() => {
  head = defaultHead();
});

/** Chart samples (a 1-in-`every` subset) of the hair-bearing scalp, where the hairline and its
 * handles lie, as points. (Below it the chart reaches over the ears and the face's outline.) */
function scalpPoints(every: number): Vec3[] {
  const { surfaceMm: s, thetaSteps, thetaMaxRad, boundaryThetaRad } = head.chart;
  const out: Vec3[] = [];
  for (let n = 0; n < s.length / 3; n += every) {
    const [j, i] = [Math.floor(n / (thetaSteps + 1)), n % (thetaSteps + 1)];
    if ((i / thetaSteps) * thetaMaxRad <= boundaryThetaRad[j]) out.push([s[3 * n], s[3 * n + 1], s[3 * n + 2]]);
  }
  return out;
}

describe('a photo pixel and the scalp point it shows', () => {
  it('scalp points facing the camera come back from their pixel; a pixel shows the scalp point nearest the camera', () => {
    for (const f of [fit(0, -15), fit(-35, -25, 4), fit(90, 0), fit(0, -80), fit(180, 10), close(0, -15), close(-35, -25, 4)]) {
      const r = fitRotation(f);
      let facing = 0,
        hidden = 0,
        worst = 0,
        behind = 0;
      for (const p of scalpPoints(13)) {
        const px = projectToPhoto(f, p, r);
        const q = scalpPointAtPixel(head.chart, f, px.x, px.y, r);
        if (!q || distance(q, p) > 2) hidden++;
        // How squarely the point faces the camera, seen from the chart's centre.
        const c = head.chart.centerMm;
        const d = [p[0] - c[0], p[1] - c[1], p[2] - c[2]];
        const facingCamera = (r[6] * d[0] + r[7] * d[1] + r[8] * d[2]) / Math.hypot(d[0], d[1], d[2]);
        // What a pixel shows is the first scalp point on its line, never one behind another (away
        // from the outline, where a line grazes the scalp).
        if (q && facingCamera > 0.3) behind = Math.max(behind, px.depthMm - projectToPhoto(f, q, r).depthMm);
        // Facing the camera squarely: the point itself is what its pixel shows.
        if (facingCamera > 0.5) {
          expect(q, `yaw ${f.yawDeg}, pitch ${f.pitchDeg}: a point facing the camera`).not.toBeNull();
          worst = Math.max(worst, distance(q!, p));
          facing++;
        }
      }
      console.log(
        `yaw ${f.yawDeg}°, pitch ${f.pitchDeg}°: ${facing} scalp points facing the camera back from their pixels within ${worst.toFixed(4)} mm; ${hidden} not shown; what a pixel shows lies at most ${behind.toFixed(4)} mm behind the point projected there`,
      );
      expect(worst).toBeLessThan(0.01);
      expect(behind).toBeLessThan(0.01);
      expect(facing).toBeGreaterThan(50);
      expect(hidden).toBeGreaterThan(f.pitchDeg < -60 ? 0 : 50);
    }
  });

  it('pixels off the head, and on the face below the brows, show no scalp; the head there is found on its mesh', () => {
    const f = fit(0, -15);
    const glabella = projectToPhoto(f, head.landmarks.glabella);
    expect(scalpPointAtPixel(head.chart, f, 5, 5)).toBeNull();
    expect(scalpPointAtPixel(head.chart, f, glabella.x + 2000, glabella.y)).toBeNull();
    // The nose and the mouth lie in front of the chart's reach: no scalp there.
    for (const k of ['nasion'] as const) {
      const p = projectToPhoto(f, head.landmarks[k]);
      const q = scalpPointAtPixel(head.chart, f, p.x, p.y + 40);
      expect(q, `below the ${k}`).toBeNull();
    }
    // Straight on, the glabella's pixel shows the glabella (the surface point midway between the brows).
    const straight = fit(0, 0);
    const g = projectToPhoto(straight, head.landmarks.glabella);
    const t0 = performance.now();
    const onHead = headPointAtPixel(head, straight, g.x, g.y)!;
    const ms = performance.now() - t0;
    console.log(`the glabella's pixel shows the head ${distance(onHead, head.landmarks.glabella).toFixed(3)} mm from it (${ms.toFixed(1)} ms against every triangle)`);
    expect(distance(onHead, head.landmarks.glabella)).toBeLessThan(0.5);
    expect(headPointAtPixel(head, straight, 5, 5)).toBeNull();
  });

  it('the hairline handles show from the front; dragged on the photo, one lands under the pointer', () => {
    const f = fit(0, -15);
    const hairline = defaultDesign().hairline;
    const shown = hairlineOnPhoto(head, hairline, 7, f);
    console.log(
      `front (pitch −15°): handles ${shown.handles.map((h) => `${h.id} ${h.shows ? 'shown' : 'hidden'}`).join(', ')}; line in ${shown.runs.length} run of ${shown.runs[0].length / 2} points`,
    );
    expect(shown.handles.every((h) => h.shows)).toBe(true);
    expect(shown.runs).toHaveLength(1);
    // The mid point dragged 10 photo pixels (4 mm) up, the left frontotemporal point 8 px outward.
    for (const [id, dx, dy] of [
      ['mid', 0, -10],
      ['frontotemporalLeft', 8, 0],
    ] as const) {
      const from = shown.handles.find((h) => h.id === id)!;
      const to = { x: from.xPx + dx, y: from.yPx + dy };
      const moved = moveHandleOnPhoto(head, hairline, id, f, to.x, to.y);
      expect(moved.warning).toBeNull();
      const now = hairlineOnPhoto(head, moved.hairline!, 7, f).handles.find((h) => h.id === id)!;
      const off = Math.hypot(now.xPx - to.x, now.yPx - to.y);
      console.log(
        `${id} dragged (${dx}, ${dy}) px: lands ${off.toFixed(3)} px from the pointer${id === 'mid' ? `; mid-frontal height ${hairline.midFrontalHeightMm} → ${moved.hairline!.midFrontalHeightMm} mm` : ''}`,
      );
      expect(off).toBeLessThan(0.05);
    }
    // Dragged down to the brows (25 mm above the glabella): held, with the reason; dragged off
    // the head: left where it was.
    const mid = shown.handles.find((h) => h.id === 'mid')!;
    const brows = projectToPhoto(f, [head.landmarks.glabella[0], head.landmarks.glabella[1] + 25, head.landmarks.glabella[2]]);
    const low = moveHandleOnPhoto(head, hairline, 'mid', f, mid.xPx, brows.y);
    console.log(`mid dragged to the brows: ${low.warning}`);
    expect(low.warning).toMatch(/can't go down to the eyebrows/);
    const off = moveHandleOnPhoto(head, hairline, 'mid', f, mid.xPx, 2);
    expect(off).toEqual({ hairline: null, warning: expect.stringMatching(/dragged off the head/) });
  });

  it('on a photo of the left side, the right side of the hairline is hidden', () => {
    // The client's left side: the 'left' preset, yaw −90°.
    const shown = hairlineOnPhoto(head, defaultDesign().hairline, 7, fit(-90, 0));
    const state = Object.fromEntries(shown.handles.map((h) => [h.id, h.shows]));
    console.log(`left side: ${JSON.stringify(state)}`);
    expect(state).toMatchObject({ templeLeft: true, templeEndLeft: true, templeRight: false, templeEndRight: false, frontotemporalRight: false });
  });
});
