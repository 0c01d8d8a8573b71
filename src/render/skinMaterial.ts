/** Skin: a physical material with low, broad specular and a touch of sheen, plus two changes
 * made in its shader:
 *  - wrapped diffuse with a reddish band at the terminator, a cheap stand-in for the light that
 *    skin scatters under its surface (GPU Gems 1, ch. 16), so the shadow edge is soft and warm
 *    instead of the hard grey edge that makes a head look like plastic;
 *  - a faint mottling (two octaves of 3D value noise on the surface, in millimetres), because
 *    skin is never one flat colour; it averages out to the chosen colour;
 *  - micro-relief, lips, brows and lash lines (render/skinDetail.ts); the broad octave of the
 *    relief is also the mottling's fine one, so it is paid for once;
 *  - baked ambient occlusion per vertex (`skinAo`, model/head/occlusion.ts) in place of a shadow map:
 *    all of the ambient light and part of the direct light is occluded in creases;
 *  - the dot layers: coverage maps baked in chart space (render/dots/bake.ts), sampled through
 *    `scalpUv`, darken the skin toward each layer's ink; near the close-up focus the baked dots
 *    fade out where the close-up discs (render/dots/closeUp.ts) draw them instead;
 *  - an optional overlay of the scalp chart: a 1 cm checker inside the hair-bearing region and a
 *    line along its edge, drawn from the per-vertex `scalpUv` attribute.
 * The shader's chunks are in skinShader.ts. Colour, ink and visibility changes only touch uniforms;
 * nothing is rebuilt. */
import {
  Color,
  LinearSRGBColorSpace,
  Matrix3,
  MeshPhysicalMaterial,
  Vector2,
  Vector3,
  Vector4,
  type BufferGeometry,
  type Camera,
  type Object3D,
  type Scene,
  type Texture,
  type WebGLRenderer,
  type WebGLProgramParametersWithUniforms,
} from 'three';
import type { HeadModel, LinearRgb } from '../model';
import type { DotUniforms } from './dots/shared';
import { eyeBasis } from './lidMap';
import { emptyEdge, regionEdgeTexture } from './regionEdge';
import { patchSkinShader } from './skinShader';

/** Size of a checker cell on the chart (the chart preserves area: 1 cell ~ 1 cm^2 of scalp). */
const CELL_MM = 10;

/** Colours of the stubble, linear sRGB: its cut ends, its shafts seen through the skin, and that skin. */
export interface HairColors {
  cut: LinearRgb;
  shaft: LinearRgb;
  skin: LinearRgb;
}

const logRatio = (a: number, b: number) => Math.log2(Math.max(a, 1e-4) / Math.max(b, 1e-4));

export class SkinMaterial extends MeshPhysicalMaterial {
  readonly skinUniforms = {
    /** How far diffuse light wraps past the terminator (0 = Lambert). */
    uSkinWrap: { value: 0.35 },
    /** Extra red-weighted light in the terminator band, as a fraction of the diffuse term. */
    uSkinScatter: { value: new Vector3(0.32, 0.08, 0.04) },
    uShowRegion: { value: 0 },
    uChartCells: { value: 1 },
    uRegionEdge: { value: emptyEdge() },
    /** Share of the baked occlusion applied to direct light (ambient light gets all of it). */
    uAoDirect: { value: 0.6 },
  };
  /** Lips, brows, lash lines and the relief (render/skinDetail.ts). */
  readonly faceUniforms = {
    /** Head space to view space for the relief's normals, the head mesh's, set before each draw. */
    uSkinNormalMatrix: { value: new Matrix3() },
    /** The lips' albedo over the skin's (linear): redder and darker, whatever the skin. */
    uLipTint: { value: new Vector3(0.85, 0.56, 0.59) },
    uLipRoughness: { value: 0.36 },
    uBrowAlbedo: { value: new Color(0.05, 0.03, 0.02) },
    /** Where the brow hairs fan out from (|x|, y mm): below the inner half of the brow. */
    uBrowPivotMm: { value: new Vector2(14, 20) },
    /** Each eyeball's centre and radius (mm; radius 0: no eyes), its frame, and the lid map. */
    uEyeBall: { value: [new Vector4(), new Vector4()] },
    uEyeBasis: { value: [new Matrix3(), new Matrix3()] },
    uLidMap: { value: null as Texture | null },
  };
  /** Set by setDots: the dot layers' uniforms, shared with the close-up discs. */
  private dotUniforms: DotUniforms | null = null;
  /** The stubble's coverage map and colour, and the scar map (setHair, setScars). */
  readonly hairUniforms = {
    uHairMap: { value: null as Texture | null },
    uHairAlbedo: { value: new Color(0, 0, 0) },
    uShaftLog: { value: new Vector3() },
    uScarMap: { value: null as Texture | null },
  };

  constructor() {
    super({
      color: new Color('#c08a6e'),
      roughness: 0.55,
      metalness: 0,
      specularIntensity: 0.35,
      ior: 1.4,
      sheen: 0.25,
      sheenRoughness: 0.6,
      sheenColor: new Color('#f3e4de'),
    });
    this.name = 'SkinMaterial';
    this.defines = { DOT_MAPS: 0, HAIR_MAP: 0, SCAR_MAP: 0 };
  }

  private setDefine(name: string, value: number): void {
    if (this.defines?.[name] === value) return;
    this.defines = { ...this.defines, [name]: value };
    this.needsUpdate = true;
  }

  /** The stubble's coverage map (null: no stubble) and its colours. */
  setHair(map: Texture | null, colors: HairColors): void {
    this.hairUniforms.uHairMap.value = map;
    this.setHairColors(colors);
    this.setDefine('HAIR_MAP', map ? 1 : 0);
  }

  /** The cut ends' colour, and the shafts' under the skin against the skin's. */
  setHairColors({ cut, shaft, skin }: HairColors): void {
    this.hairUniforms.uHairAlbedo.value.setRGB(...cut, LinearSRGBColorSpace);
    this.hairUniforms.uShaftLog.value.set(logRatio(shaft[0], skin[0]), logRatio(shaft[1], skin[1]), logRatio(shaft[2], skin[2]));
  }

  /** The brows' (and lashes') hair colour. */
  setBrowColor(rgb: LinearRgb): void {
    this.faceUniforms.uBrowAlbedo.value.setRGB(...rgb, LinearSRGBColorSpace);
  }

  /** Points the brows and lash lines at a head's eyes and their lid map (render/lidMap.ts), once
   * per head. */
  setFace(head: HeadModel, lidMap: Texture | null): void {
    const u = this.faceUniforms;
    u.uLidMap.value = lidMap;
    head.eyes.slice(0, 2).forEach((e, k) => {
      u.uEyeBall.value[k].set(...e.centerMm, lidMap ? e.radiusMm : 0);
      eyeBasis(e, u.uEyeBasis.value[k]);
    });
    // The fan's pivot: 18 mm medial of the eye's centre and a little below it, so the brow's head
    // rises and its tail lies outward.
    const centre = head.eyes[0].centerMm;
    u.uBrowPivotMm.value.set(Math.abs(centre[0]) - 18, centre[1] - 6);
  }

  /** The scar-tissue map in chart space (null: no scars). */
  setScars(map: Texture | null): void {
    this.hairUniforms.uScarMap.value = map;
    this.setDefine('SCAR_MAP', map ? 1 : 0);
  }

  /** The skin's albedo (linear sRGB is three's working space: taken as it is). */
  setSkinColor(rgb: LinearRgb): void {
    this.color.setRGB(...rgb, LinearSRGBColorSpace);
  }

  setRegionVisible(visible: boolean): void {
    this.skinUniforms.uShowRegion.value = visible ? 1 : 0;
  }

  /** Shows baked dot coverage maps (0, 1 or 2 of them); `uniforms` is shared with the close-up
   * discs and updated in place. A change in the number of maps recompiles the shader once. */
  setDots(uniforms: DotUniforms, maps: number): void {
    this.dotUniforms = uniforms;
    this.setDefine('DOT_MAPS', maps);
  }

  /** Points the overlay at a head's chart (once per head). */
  setChart(chart: HeadModel['chart']): void {
    this.skinUniforms.uChartCells.value = (2 * chart.extentMm) / CELL_MM;
    const old = this.skinUniforms.uRegionEdge.value;
    this.skinUniforms.uRegionEdge.value = regionEdgeTexture(chart);
    old.dispose();
  }

  override onBeforeCompile(shader: WebGLProgramParametersWithUniforms): void {
    Object.assign(shader.uniforms, this.skinUniforms, this.faceUniforms, this.hairUniforms, this.dotUniforms ?? {});
    patchSkinShader(shader);
  }

  override customProgramCacheKey(): string {
    return 'smp-skin-v7';
  }

  // The relief is made in head space; this draw's object-to-view rotation (just computed by three;
  // its normal matrix carries the inverse of the millimetre scale, taken out here).
  override onBeforeRender(_r: WebGLRenderer, _s: Scene, _c: Camera, _g: BufferGeometry, object: Object3D): void {
    const m = this.faceUniforms.uSkinNormalMatrix.value.copy(object.normalMatrix);
    m.multiplyScalar(1 / Math.cbrt(Math.abs(m.determinant()) || 1));
  }

  override dispose(): void {
    this.skinUniforms.uRegionEdge.value.dispose();
    super.dispose();
  }
}
