/** The studio's soft boxes as light for the skin: their radiance projected once, on the CPU,
 * onto order-2 spherical harmonics (a three.js LightProbe).
 *
 * Why not an environment cube: a PMREM environment costs ~6 filtered cube look-ups per pixel
 * for every frame, a third of the head's frame time under software WebGL, for skin whose
 * roughness blurs it into little more than this smooth irradiance anyway. The SH needs no GPU
 * pass, no read-back, and nothing to rebuild after a lost context. */
import { Color, LightProbe, Matrix4, SphericalHarmonics3, Vector3 } from 'three';

/** The key light, as in a clinic: from above and in front of whoever looks, a little to their
 * right. Its height is fixed in the room (45 degrees up), so the dome gets the same light seen
 * from the front, the side or the top; it turns round the head with the viewer. Metres from the
 * orbit target, for a viewer on the +z axis. */
export const KEY_LIGHT: readonly [number, number, number] = [0.45, 0.8, 0.6];
/** Fill and rim stand in the camera's frame (x right, y up, z toward the viewer). */
export const FILL_LIGHT: readonly [number, number, number] = [-0.8, 0.15, 0.6];
export const RIM_LIGHT: readonly [number, number, number] = [-0.2, 0.6, -0.9];

/** A flat rectangular emitter facing `target`, as drei's <Lightformer form="rect">. */
export interface SoftBox {
  intensity: number;
  position: [number, number, number];
  /** Width and height (scene units). */
  scale: [number, number];
  color?: string;
}

/** Soft boxes around the head (metres; the head's centre near the origin): a large one
 * overhead, two at the sides in front, one behind and a dim floor bounce. */
export const STUDIO_BOXES: readonly SoftBox[] = [
  { intensity: 2.2, position: [0, 3, 1], scale: [6, 3] },
  { intensity: 1.4, position: [3, 0.5, 2], scale: [2, 4] },
  { intensity: 0.9, position: [-3, 0.5, 2], scale: [2, 4] },
  { intensity: 0.8, position: [0, 1, -3], scale: [5, 2] },
  { intensity: 0.35, position: [0, -3, 0], scale: [8, 8], color: '#e8e4df' },
];

/** Directions sampled over the sphere (Fibonacci lattice: even, no poles clustering). */
const SAMPLES = 8192;

interface Box {
  centre: Vector3;
  normal: Vector3;
  u: Vector3;
  v: Vector3;
  halfW: number;
  halfH: number;
  radiance: Color;
}

function toBox(b: SoftBox): Box {
  const centre = new Vector3(...b.position);
  // Object3D.lookAt(origin) for a mesh: its +z turns toward the origin.
  const m = new Matrix4().lookAt(new Vector3(0, 0, 0), centre, new Vector3(0, 1, 0));
  const u = new Vector3().setFromMatrixColumn(m, 0);
  const v = new Vector3().setFromMatrixColumn(m, 1);
  const normal = new Vector3().setFromMatrixColumn(m, 2);
  // MeshBasicMaterial colour (sRGB in, linear in the shader) times intensity.
  const radiance = new Color(b.color ?? '#ffffff').multiplyScalar(b.intensity);
  return { centre, normal, u, v, halfW: b.scale[0] / 2, halfH: b.scale[1] / 2, radiance };
}

/** Radiance seen from the origin in direction `d` (unit): the nearest box hit, else black. */
function radianceAt(boxes: Box[], d: Vector3, out: Color, hit: Vector3): Color {
  out.setRGB(0, 0, 0);
  let nearest = Infinity;
  for (const b of boxes) {
    const denom = d.dot(b.normal);
    if (Math.abs(denom) < 1e-6) continue;
    const t = b.centre.dot(b.normal) / denom;
    if (t <= 0 || t >= nearest) continue;
    hit.copy(d).multiplyScalar(t).sub(b.centre);
    if (Math.abs(hit.dot(b.u)) > b.halfW || Math.abs(hit.dot(b.v)) > b.halfH) continue;
    nearest = t;
    out.copy(b.radiance);
  }
  return out;
}

/** SH coefficients of the boxes' radiance around the origin. */
export function studioHarmonics(boxes: readonly SoftBox[] = STUDIO_BOXES): SphericalHarmonics3 {
  const all = boxes.map(toBox);
  const sh = new SphericalHarmonics3();
  const basis = new Array<number>(9).fill(0);
  const d = new Vector3();
  const hit = new Vector3();
  const c = new Color();
  const weight = (4 * Math.PI) / SAMPLES;
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < SAMPLES; i++) {
    const y = 1 - (2 * (i + 0.5)) / SAMPLES;
    const r = Math.sqrt(1 - y * y);
    d.set(Math.cos(golden * i) * r, y, Math.sin(golden * i) * r);
    radianceAt(all, d, c, hit);
    if (c.r === 0 && c.g === 0 && c.b === 0) continue;
    SphericalHarmonics3.getBasisAt(d, basis);
    for (let j = 0; j < 9; j++) {
      sh.coefficients[j].x += c.r * basis[j] * weight;
      sh.coefficients[j].y += c.g * basis[j] * weight;
      sh.coefficients[j].z += c.b * basis[j] * weight;
    }
  }
  return sh;
}

/** The light probe for the studio (made once; its intensity follows the lighting setting). */
export function studioProbe(intensity: number): LightProbe {
  const probe = new LightProbe(studioHarmonics(), intensity);
  probe.name = 'studio-probe';
  return probe;
}
