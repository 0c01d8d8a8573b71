// The head aligned to a photo by hand (src/model/photo/manualFit.ts), closed loop: the head's own
// landmarks projected at known poses through the photo's assumed camera, moved by a little noise
// as a hand would place them, and the pose and scale found again. Also the handles a photo starts
// from (none, or a fit's), and the refusals of handles that cannot be a head's.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ALIGN_POINTS,
  angleBetweenDeg,
  assumedCamera,
  defaultHandles,
  handlesOfPlacement,
  keptHandles,
  manualPhotoFit,
  ManualFitError,
  NOMINAL_POSES,
  placementOf,
  rotationOf,
  type AlignHandles,
  type AlignView,
  type HeadModel,
  type HeadPose,
  type Vec3,
} from '../../src/model';
import { apply } from '../../src/model/photo/pose';
import { createRng } from '../../src/model/rng';
import { defaultHead } from './helpers/defaultHead';

/** A phone's portrait photo as kept (2048 px long). */
const CAMERA = assumedCamera(1536, 2048);
const TARGET_ANGLE_DEG = 3;
const TARGET_SCALE = 0.03;
/** How far off a hand places a handle, pixels (standard deviation): 0.4 mm on the head here. With
 * none the pose comes back exactly (the fit finds the true one, not another minimum). Measured
 * at 2 px (0.85 mm): up to 3.6 degrees off at the top and 3.1 at the front; four points say little
 * about depth. */
const NOISE_PX = 1;

let head: HeadModel;
beforeAll(() => {
  head = defaultHead();
});

/** The view's handles for the head at `pose`, its centre (between the ears) `distanceMm` in front of
 * the camera and a little off the middle, and the true mm per pixel where the fit states it. */
function photo(view: AlignView, pose: HeadPose, distanceMm: number, seed: number, noisePx = NOISE_PX) {
  const rotation = rotationOf(pose);
  const translationMm: Vec3 = [30, -20, -distanceMm];
  const handles = handlesOfPlacement(head, view, { rotation, translationMm, camera: CAMERA });
  const rng = createRng(seed);
  const noise = () => noisePx * Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  for (const p of ALIGN_POINTS[view]) handles[p] = [handles[p]![0] + noise(), handles[p]![1] + noise()];
  const l = head.landmarks;
  const at: Vec3 = view === 'back' || view === 'top' ? [0, 0, 0] : [0, l.eyeOuterLeft[1], l.eyeOuterLeft[2]];
  const mmPerPx = -(apply(rotation, at)[2] + translationMm[2]) / CAMERA.focalPx;
  return { rotation, handles, mmPerPx };
}

const wrapDeg = (a: number) => ((((a + 180) % 360) + 360) % 360) - 180;

function closedLoop(view: AlignView, poses: HeadPose[], compareAngles: boolean) {
  for (const [k, pose] of poses.entries()) {
    const exact = photo(view, pose, 650, k, 0);
    const fit = manualPhotoFit(head, view, exact.handles, CAMERA);
    expect(angleBetweenDeg(fit.rotation, exact.rotation), `${view} ${JSON.stringify(pose)} without noise`).toBeLessThan(0.01);
    expect(fit.mmPerPx / exact.mmPerPx).toBeCloseTo(1, 4);
  }
  const rows: string[] = [];
  let worstDeg = 0,
    worstScale = 0;
  poses.forEach((pose, k) => {
    const truth = photo(view, pose, 650, 100 * k + 7);
    const fit = manualPhotoFit(head, view, truth.handles, CAMERA);
    const errors = [fit.yawDeg - pose.yawDeg, fit.pitchDeg - pose.pitchDeg, fit.rollDeg - pose.rollDeg].map(wrapDeg);
    const angle = angleBetweenDeg(fit.rotation, truth.rotation);
    const scale = fit.mmPerPx / truth.mmPerPx - 1;
    rows.push(
      `${view} ${pose.yawDeg}/${pose.pitchDeg}/${pose.rollDeg}: off ${angle.toFixed(2)} deg (${errors.map((e) => e.toFixed(2)).join('/')}), scale ${(100 * scale).toFixed(2)} %, rms ${fit.rmsPx.toFixed(2)} px`,
    );
    worstDeg = Math.max(worstDeg, angle, ...(compareAngles ? errors.map(Math.abs) : []));
    worstScale = Math.max(worstScale, Math.abs(scale));
    expect(fit.source).toBe('manual');
    expect(fit.view).toBe(view);
    expect(Object.keys(fit.handles).sort()).toEqual([...ALIGN_POINTS[view]].sort());
  });
  console.log(`${rows.join('\n')}\n${view}: worst ${worstDeg.toFixed(2)} deg, ${(100 * worstScale).toFixed(2)} % (${NOISE_PX} px of noise)`);
  expect(worstDeg).toBeLessThan(TARGET_ANGLE_DEG);
  expect(worstScale).toBeLessThan(TARGET_SCALE);
}

const grid = (yaws: number[], pitches: number[], rolls = [0]): HeadPose[] => yaws.flatMap((yawDeg) => pitches.flatMap((pitchDeg) => rolls.map((rollDeg) => ({ yawDeg, pitchDeg, rollDeg }))));

describe('manual fit, closed loop', () => {
  it('finds a face turned -30..30 and raised -15..25 degrees within 3 degrees and 3 %', () => {
    closedLoop('front', [...grid([-30, -15, 0, 15, 30], [-15, 0, 10, 25]), { yawDeg: 10, pitchDeg: 5, rollDeg: 10 }, { yawDeg: -20, pitchDeg: -10, rollDeg: -8 }], true);
  });

  it('finds the sides (profiles, and turned up to 20 degrees toward the camera)', () => {
    closedLoop('left', grid([-110, -90, -70], [-10, 0, 10]), false);
    closedLoop('right', grid([70, 90, 110], [-10, 0, 10]), false);
  });

  it('finds the back, seen level to 40 degrees from above, and says so as yaw 180', () => {
    closedLoop('back', [...grid([160, 180, -160], [-40, -20, 0]), { yawDeg: 175, pitchDeg: -15, rollDeg: 8 }], true);
  });

  it('finds the top, the head turned in the picture and tilted', () => {
    closedLoop('top', [...grid([-20, 0, 20], [-105, -90, -75]), { yawDeg: 10, pitchDeg: -85, rollDeg: 10 }], false);
  });
});

describe('the handles a photo starts from', () => {
  it('with no fit: the head at the view’s usual pose, in the photo, filling a good share of it', () => {
    for (const view of ['front', 'left', 'right', 'back', 'top'] as const) {
      const handles = defaultHandles(head, view, CAMERA);
      const xs = ALIGN_POINTS[view].map((p) => handles[p]![0]);
      const ys = ALIGN_POINTS[view].map((p) => handles[p]![1]);
      const share = Math.max((Math.max(...xs) - Math.min(...xs)) / 1536, (Math.max(...ys) - Math.min(...ys)) / 2048);
      const fit = manualPhotoFit(head, view, handles, CAMERA);
      const off = angleBetweenDeg(fit.rotation, rotationOf(NOMINAL_POSES[view]));
      console.log(
        `${view}: handles span ${(100 * share).toFixed(0)} % of the photo, x ${Math.min(...xs).toFixed(0)}..${Math.max(...xs).toFixed(0)}, y ${Math.min(...ys).toFixed(0)}..${Math.max(...ys).toFixed(0)}; fitted ${off.toFixed(3)} deg from the usual pose, ${fit.mmPerPx.toFixed(3)} mm/px`,
      );
      for (const x of xs) (expect(x).toBeGreaterThan(0), expect(x).toBeLessThan(1536));
      for (const y of ys) (expect(y).toBeGreaterThan(0), expect(y).toBeLessThan(2048));
      expect(share).toBeGreaterThan(0.25);
      expect(off).toBeLessThan(0.1);
    }
  });

  it('with a fit: its landmarks where it puts them, which fit back to it; kept handles are read back', () => {
    const truth = photo('front', { yawDeg: 12, pitchDeg: -8, rollDeg: 3 }, 600, 1);
    const first = manualPhotoFit(head, 'front', truth.handles, CAMERA);
    const stored = JSON.parse(JSON.stringify(first)) as unknown;
    const placed = placementOf(stored)!;
    const again = manualPhotoFit(head, 'front', handlesOfPlacement(head, 'front', placed), CAMERA);
    expect(angleBetweenDeg(again.rotation, first.rotation)).toBeLessThan(1e-3);
    expect(again.mmPerPx).toBeCloseTo(first.mmPerPx, 5);
    expect(again.rmsPx).toBeLessThan(1e-3);
    expect(keptHandles(stored, 'front')).toEqual(first.handles);
    // Another view's points are not in it; a fit with no placement places nothing.
    expect(keptHandles(stored, 'back')).toBeNull();
    expect(placementOf({ yawDeg: 3 })).toBeNull();
  });
});

describe('refusals', () => {
  const base = () => photo('front', { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, 650, 3).handles;
  const refusal = (view: AlignView, handles: AlignHandles) => {
    try {
      manualPhotoFit(head, view, handles, CAMERA);
    } catch (e) {
      expect(e).toBeInstanceOf(ManualFitError);
      return (e as Error).message;
    }
    return 'no refusal';
  };

  it('refuse handles on top of each other, in one spot, in a line, missing or far outside, naming the handles', () => {
    const h = base();
    const messages = [
      refusal('front', { ...h, menton: [h.vertex![0] + 1, h.vertex![1] + 2] }),
      refusal('front', { eyeOuterLeft: [500, 500], eyeOuterRight: [501, 500], menton: [500, 501], vertex: [502, 502] }),
      refusal('front', { eyeOuterLeft: [300, 500], eyeOuterRight: [500, 700], menton: [700, 900], vertex: [900, 1101] }),
      refusal('front', { ...h, vertex: undefined }),
      refusal('front', { ...h, vertex: [h.vertex![0], -3000] }),
      refusal('front', { ...h, vertex: [Number.NaN, 3] }),
    ];
    console.log(messages.join('\n'));
    expect(messages[0]).toBe('The handles Chin and Top are on top of each other: move each onto its point.');
    expect(messages[1]).toBe('The handles are all in one spot: drag each onto its point of the head.');
    expect(messages[2]).toBe('The handles lie on one line: drag each onto its point of the head.');
    expect(messages[3]).toBe('The handle Top is missing.');
    expect(messages[4]).toBe('The handle Top lies outside the photo: drag it onto the photo.');
    expect(messages[5]).toBe('The handle Top is missing.');
  });

  it('refuse handles no head fits: chin above the top, or left and right swapped', () => {
    const h = base();
    const upsideDown = refusal('front', { ...h, menton: h.vertex, vertex: h.menton });
    const swapped = refusal('front', { ...h, eyeOuterLeft: h.eyeOuterRight, eyeOuterRight: h.eyeOuterLeft });
    console.log(`${upsideDown}\n${swapped}`);
    expect(upsideDown).toMatch(/^These handles (do not fit a head|turn the head away from the camera)/);
    expect(swapped).toMatch(/^These handles (do not fit a head|turn the head away from the camera)/);
  });
});
