/** The landmark fit (a head seen through a pinhole camera, headFit.ts) as the fit the photo's
 * renderer draws with (fit.ts): the same rotation, the scale of the point the design lies around
 * (the scalp's centre), and the camera itself, through which the design is drawn. */
import type { Vec3 } from '../head/types';
import { anglesOfRotation, type OrthoFit } from './fit';
import { apply, projectPx, type Mat3, type PinholeCamera } from './pose';

export function orthoFitOfPinhole(rotation: Mat3, translationMm: Vec3, camera: PinholeCamera, referenceMm: Vec3): OrthoFit {
  const r = apply(rotation, referenceMm);
  const q: Vec3 = [r[0] + translationMm[0], r[1] + translationMm[1], r[2] + translationMm[2]];
  const mmPerPx = -q[2] / camera.focalPx;
  const [x, y] = projectPx(camera, q);
  return {
    ...anglesOfRotation(rotation),
    mmPerPx,
    originPx: [x - r[0] / mmPerPx, y + r[1] / mmPerPx],
    pinhole: { translationMm: [...translationMm], focalPx: camera.focalPx, principalPx: [...camera.principalPx] },
  };
}
