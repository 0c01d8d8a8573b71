// The photo's fit: its angle conventions against the viewer's camera presets, the
// weak-perspective fit of a camera's picture (exact for an orthographic one; the residual of a
// perspective one), the landmark fit drawn through its own camera, and the skin colour read from
// the forehead.
import { beforeAll, describe, expect, it } from 'vitest';
import { OrthographicCamera, PerspectiveCamera, Vector3 } from 'three';
import {
  angleBetweenDeg,
  anglesOfRotation,
  orthoFitOfPinhole,
  projectHeadPoint,
  rotationOf,
  type Mat3,
  fitAtScale,
  fitRotation,
  foreheadPatch,
  hexToLab,
  patchLab,
  projectToPhoto,
  type HeadModel,
  type OrthoFit,
} from '../../src/model';
import { headFrame, presetPosition, type PresetName } from '../../src/render/framing';
import { fitOfCamera } from '../../src/render/photo/fitOfCamera';
import { defaultHead } from './helpers/defaultHead';

const fit = (yawDeg: number, pitchDeg: number, rollDeg: number): OrthoFit => ({ yawDeg, pitchDeg, rollDeg, mmPerPx: 0.5, originPx: [400, 300] });

describe('fit angles', () => {
  it('turn back from their rotation', () => {
    for (const [y, p, r] of [
      [0, 0, 0],
      [30, -15, 5],
      [-90, 10, -20],
      [170, 25, 60],
      [-45, -80, -179],
    ]) {
      const back = anglesOfRotation(fitRotation(fit(y, p, r)));
      expect(back.yawDeg).toBeCloseTo(y, 9);
      expect(back.pitchDeg).toBeCloseTo(p, 9);
      expect(back.rollDeg).toBeCloseTo(r, 9);
    }
  });

  it('read as documented: yaw + sends the nose right, pitch + lifts it, roll + turns the crown left', () => {
    const nose = [0, 0, 100];
    const crown = [0, 100, 0];
    expect(projectToPhoto(fit(30, 0, 0), nose).x).toBeGreaterThan(400 + 50 / 0.5 - 1); // sin 30° · 100 mm
    expect(projectToPhoto(fit(0, 20, 0), nose).y).toBeLessThan(300 - 30);
    expect(projectToPhoto(fit(0, 0, 20), crown).x).toBeLessThan(400 - 60);
    // Yaw +: the right ear (at −x) comes toward the camera.
    expect(projectToPhoto(fit(30, 0, 0), [-70, 0, 0]).depthMm).toBeGreaterThan(30);
  });
});

describe('the fit of a camera picture', () => {
  let head: HeadModel;
  beforeAll(() => {
    head = defaultHead();
  });

  const presetCamera = (preset: PresetName) => {
    const frame = headFrame(head);
    const camera = new PerspectiveCamera(30, 800 / 600, 0.01, 20);
    presetPosition(frame, preset, 30, 800 / 600, camera.position);
    camera.lookAt(frame.centre);
    return camera;
  };

  it('matches the presets: left is yaw −90°, right +90°, the front pitch −15°', () => {
    const expected: [PresetName, number, number][] = [
      ['front', 0, -15],
      ['left', -90, 0],
      ['right', 90, 0],
    ];
    for (const [preset, yaw, pitch] of expected) {
      const { fit, rmsPx, maxPx, points } = fitOfCamera(presetCamera(preset), head, 800, 600);
      console.log(
        `${preset}: yaw ${fit.yawDeg.toFixed(2)}° pitch ${fit.pitchDeg.toFixed(2)}° roll ${fit.rollDeg.toFixed(2)}°, ${fit.mmPerPx.toFixed(4)} mm/px, scalp off by ${rmsPx.toFixed(2)} px rms, ${maxPx.toFixed(2)} px at most (${points} points)`,
      );
      expect(fit.yawDeg).toBeCloseTo(yaw, 6);
      expect(fit.pitchDeg).toBeCloseTo(pitch, 6);
      expect(Math.abs(fit.rollDeg)).toBeLessThan(1e-6);
    }
  });

  it('is exact for an orthographic camera', () => {
    const camera = new OrthographicCamera(-0.2, 0.2, 0.15, -0.15, 0.01, 5);
    camera.position.set(0.3, 0.25, 0.6);
    camera.lookAt(new Vector3(0, 0.02, 0));
    const { fit, rmsPx } = fitOfCamera(camera, head, 800, 600);
    expect(rmsPx).toBeLessThan(1e-3);
    expect(fit.mmPerPx).toBeCloseTo(400 / 800, 6);
  });
});

describe('the skin read from the photo', () => {
  let head: HeadModel;
  beforeAll(() => {
    head = defaultHead();
  });

  it('is the forehead patch colour in CIELAB, hairs and a highlight left out', () => {
    const f: OrthoFit = { yawDeg: 10, pitchDeg: -10, rollDeg: 3, mmPerPx: 0.4, originPx: [400, 420] };
    const patch = foreheadPatch(head, f)!;
    expect(patch.facing).toBeGreaterThan(0.8);
    const [w, h] = [800, 800];
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) {
      rgba.set([198, 150, 122, 255], 4 * i);
      // Every 7th pixel a dark hair, every 23rd a highlight.
      if (i % 7 === 0) rgba.set([40, 30, 25], 4 * i);
      else if (i % 23 === 0) rgba.set([255, 250, 245], 4 * i);
    }
    const lab = patchLab(rgba, w, h, patch)!;
    const truth = hexToLab('#c6967a')!;
    console.log(`patch at (${patch.centerPx.map((v) => v.toFixed(0)).join(', ')}) r ${patch.radiusPx.toFixed(1)} px: L ${lab.L} a ${lab.a} b ${lab.b} vs ${JSON.stringify(truth)}`);
    expect(Math.hypot(lab.L - truth.L, lab.a - truth.a, lab.b - truth.b)).toBeLessThan(0.5);
  });

  it('is not taken from a head seen from behind', () => {
    expect(foreheadPatch(head, { yawDeg: 180, pitchDeg: 0, rollDeg: 0, mmPerPx: 0.4, originPx: [400, 400] })).toBeNull();
  });
});

describe('the landmark fit as the photo is drawn with', () => {
  it('keeps the angles and puts the reference point where the camera does, at its scale; with its camera every point, without it weak perspective', () => {
    const camera = { focalPx: 1400, principalPx: [600, 800] as [number, number] };
    const pose = { yawDeg: 18, pitchDeg: -7, rollDeg: 4 };
    const rotation = rotationOf(pose);
    const t: [number, number, number] = [12, -30, -650];
    const centre: [number, number, number] = [0, 95, -10];
    const ortho = orthoFitOfPinhole(rotation, t, camera, centre);
    // The same rotation, by either library's angles.
    expect(angleBetweenDeg(fitRotation(ortho) as Mat3, rotation)).toBeLessThan(1e-9);
    const exact = projectHeadPoint(camera, rotation, t, centre);
    const weak = projectToPhoto(ortho, centre);
    expect(weak.x).toBeCloseTo(exact[0], 9);
    expect(weak.y).toBeCloseTo(exact[1], 9);
    // A point about 40 mm nearer the camera than the centre: exact through the camera; under
    // weak perspective off by about 40/650 of its offset.
    const side: [number, number, number] = [50, 120, 30];
    const e = projectHeadPoint(camera, rotation, t, side);
    const p = projectToPhoto(ortho, side);
    expect(Math.hypot(p.x - e[0], p.y - e[1])).toBeLessThan(1e-9);
    const { pinhole: _camera, ...weakFit } = ortho;
    const w = projectToPhoto(weakFit, side);
    const offsetPx = Math.hypot(e[0] - exact[0], e[1] - exact[1]);
    expect(Math.hypot(w.x - e[0], w.y - e[1])).toBeGreaterThan(0.03 * offsetPx);
    expect(Math.hypot(w.x - e[0], w.y - e[1])).toBeLessThan(0.09 * offsetPx);
    // Half the pixels a side: every point lands at half its pixel.
    const half = projectToPhoto(fitAtScale(ortho, 0.5), side);
    expect([half.x, half.y]).toEqual([expect.closeTo(p.x / 2, 9), expect.closeTo(p.y / 2, 9)]);
  });
});
