/** Draws a design onto a client's photo with the viewer's own WebGL context and materials.
 *
 * The head is fitted to the photo (model/photo/fit.ts) and drawn offscreen from the fit's camera
 * (the photo's own pinhole when the fit knows it, else orthographic) twice, with the same skin (the photo's own, sampled from it) and light:
 * without the sessions (kept until the fit, the skin or the light change) and with them (each
 * frame: a year, a session shown or hidden only rewrite the inks). Their ratio, in linear light,
 * is what the pigment does to the skin; the photo is multiplied by it (composite.ts). Only the
 * rectangle of the photo the scalp can cover is drawn and read back, and for each frame only the
 * scalp (scalpGeometry.ts), against the depth the whole head left in the first pass, which the two
 * passes share. The head is drawn bare, without the modelled stubble and scars: the client's own
 * hair and skin are the photo's. */
import {
  Camera,
  Color,
  DepthTexture,
  DirectionalLight,
  Group,
  HalfFloatType,
  LinearFilter,
  Matrix4,
  Mesh,
  NearestFilter,
  NoColorSpace,
  OrthographicCamera,
  RGBAFormat,
  Scene,
  Texture,
  UnsignedByteType,
  WebGLRenderTarget,
  type BufferGeometry,
  type WebGLRenderer,
} from 'three';
import { fitRotation, labToLinearRgb, projectToPhoto, type Design, type HeadModel, type Lab, type OrthoFit } from '../../model';
import { writeInks } from '../dots/inks';
import { createDotUniforms } from '../dots/shared';
import { gpuQueue } from '../gpuQueue';
import { SkinMaterial } from '../skinMaterial';
import { FILL_LIGHT, KEY_LIGHT, RIM_LIGHT, studioProbe } from '../studioLight';
import { PhotoComposite } from './composite';
import { disposeScalpGeometry, scalpGeometry } from './scalpGeometry';

/** A rectangle of the photo in pixels, rows from the top. */
export interface PixelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a frame of the photo shows: the design (its sessions and inks; its skin is replaced by
 * the photo's), the year, the before/after divider (as the 3D view: `years` left of the split,
 * `compare.years` right of it). */
export interface PhotoFrameInput {
  design: Design;
  years: number;
  compare: { on: boolean; years: number; split: number };
  /** Dots per session of what is baked (null: no dots). */
  layerCounts: ArrayLike<number> | null;
  lighting: { key: number; fill: number; rim: number; environment: number };
}

/** The head's distance from the orthographic camera (mm): any. */
const CAMERA_Z_MM = 1000;
/** Depth kept round the head by the pinhole camera's clip planes (mm). */
const HEAD_DEPTH_MM = 400;
const HIDDEN = (design: Design): Design => ({ ...design, layers: design.layers.map((l) => ({ ...l, visible: false })) });

export class PhotoRenderer {
  readonly material = new SkinMaterial();
  private readonly uniforms = createDotUniforms();
  private readonly scene = new Scene();
  private readonly group = new Group();
  /** The whole head (the pass without the sessions) and its scalp (the pass with them). */
  private readonly headMesh = new Mesh();
  private readonly scalpMesh = new Mesh();
  private readonly ortho = new OrthographicCamera();
  /** The photo's own camera at the origin, its projection set from the fit's pinhole. */
  private readonly pinhole = new Camera();
  private camera: Camera = this.ortho;
  private readonly lights = [new DirectionalLight('#fff8f2'), new DirectionalLight('#f2f5ff'), new DirectionalLight('#ffffff')];
  private readonly probe = studioProbe(1);
  private readonly composite = new PhotoComposite();
  private shown: WebGLRenderTarget | null = null;
  private hidden: WebGLRenderTarget | null = null;
  private out: WebGLRenderTarget | null = null;
  private photo: Texture | null = null;
  private keep: Texture | null = null;
  private widthPx = 0;
  private heightPx = 0;
  private head: HeadModel | null = null;
  private scalp: { of: BufferGeometry; sub: BufferGeometry } | null = null;
  private fit: OrthoFit | null = null;
  private skin: Lab | null = null;
  /** The scalp's rectangle in the photo under the current fit; null when none of it is in view. */
  box: PixelBox | null = null;
  /** What the pass without the sessions was drawn with ('' : draw it again). */
  private hiddenKey = '';

  constructor(private readonly renderer: WebGLRenderer) {
    this.headMesh.material = this.scalpMesh.material = this.material;
    this.group.add(this.headMesh, this.scalpMesh);
    this.scene.add(this.group, this.probe, ...this.lights);
    [KEY_LIGHT, FILL_LIGHT, RIM_LIGHT].forEach((p, k) => this.lights[k].position.set(...p));
    this.ortho.position.set(0, 0, CAMERA_Z_MM);
    this.ortho.near = CAMERA_Z_MM / 2;
    this.ortho.far = CAMERA_Z_MM * 2;
  }

  /** The photo (sRGB, not flipped), and its size in pixels. */
  setPhoto(source: TexImageSource, widthPx: number, heightPx: number): void {
    this.photo?.dispose();
    const t = new Texture(source as never);
    t.flipY = false;
    t.colorSpace = NoColorSpace;
    t.generateMipmaps = false;
    t.minFilter = t.magFilter = NearestFilter;
    t.needsUpdate = true;
    this.photo = t;
    if (widthPx !== this.widthPx || heightPx !== this.heightPx) {
      this.widthPx = widthPx;
      this.heightPx = heightPx;
      for (const target of [this.shown, this.hidden, this.out]) target?.dispose();
      this.hidden?.depthTexture?.dispose();
      // One depth for both head passes: the scalp is drawn against the whole head's.
      const depthTexture = new DepthTexture(widthPx, heightPx);
      const float = { type: HalfFloatType, format: RGBAFormat, depthBuffer: true, depthTexture, minFilter: NearestFilter, magFilter: NearestFilter, generateMipmaps: false };
      this.shown = new WebGLRenderTarget(widthPx, heightPx, float);
      this.hidden = new WebGLRenderTarget(widthPx, heightPx, float);
      this.out = new WebGLRenderTarget(widthPx, heightPx, { type: UnsignedByteType, format: RGBAFormat, depthBuffer: false, generateMipmaps: false });
    }
    this.updateBox();
    this.hiddenKey = '';
  }

  /** The mask of the client's own hair to keep (red 1: keep), any size, rows from the top. */
  setKeepMask(source: TexImageSource | null): void {
    if (!source) {
      this.keep?.dispose();
      this.keep = null;
      return;
    }
    if (!this.keep || this.keep.image !== source) {
      this.keep?.dispose();
      this.keep = new Texture(source as never);
      this.keep.flipY = false;
      this.keep.colorSpace = NoColorSpace;
      this.keep.generateMipmaps = false;
      this.keep.minFilter = this.keep.magFilter = LinearFilter;
    }
    this.keep.needsUpdate = true;
  }

  /** The head (its geometry as the viewer holds it, in millimetres). */
  setHead(head: HeadModel, geometry: BufferGeometry): void {
    if (this.head === head && this.scalp?.of === geometry) return;
    if (this.scalp) disposeScalpGeometry(this.scalp.sub);
    this.scalp = { of: geometry, sub: scalpGeometry(geometry) };
    this.hiddenKey = '';
    this.head = head;
    this.headMesh.geometry = geometry;
    this.scalpMesh.geometry = this.scalp.sub;
    this.material.setChart(head.chart);
    this.updateBox();
  }

  setDotMaps(maps: readonly (Texture | null)[]): void {
    this.uniforms.uDotMap0.value = maps[0] ?? null;
    this.uniforms.uDotMap1.value = maps[1] ?? null;
    this.material.setDots(this.uniforms, maps.filter(Boolean).length);
  }

  setFit(fit: OrthoFit): void {
    this.fit = fit;
    const r = fitRotation(fit);
    this.group.setRotationFromMatrix(new Matrix4().set(r[0], r[1], r[2], 0, r[3], r[4], r[5], 0, r[6], r[7], r[8], 0, 0, 0, 0, 1));
    this.updateBox();
    this.hiddenKey = '';
  }

  /** The client's skin, as sampled from the photo: the head's colour and the inks' optics. */
  setSkin(lab: Lab): void {
    this.skin = lab;
    this.material.setSkinColor(labToLinearRgb(lab));
    this.hiddenKey = '';
  }

  /** The photo's pixels the scalp (the chart) can cover, a pixel of margin round them. */
  private updateBox(): void {
    const { head, fit } = this;
    if (!head || !fit || !this.widthPx) return void (this.box = null);
    const r = fitRotation(fit);
    const p = head.positions,
      uv = head.scalpUv;
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (let i = 0, k = 0; i < p.length; i += 3, k += 2) {
      if (uv[k] < 0) continue;
      const q = projectToPhoto(fit, [p[i], p[i + 1], p[i + 2]], r);
      x0 = Math.min(x0, q.x);
      y0 = Math.min(y0, q.y);
      x1 = Math.max(x1, q.x);
      y1 = Math.max(y1, q.y);
    }
    const bx0 = Math.max(0, Math.floor(x0) - 1),
      by0 = Math.max(0, Math.floor(y0) - 1);
    const bx1 = Math.min(this.widthPx, Math.ceil(x1) + 1),
      by1 = Math.min(this.heightPx, Math.ceil(y1) + 1);
    this.box = bx1 > bx0 && by1 > by0 ? { x: bx0, y: by0, w: bx1 - bx0, h: by1 - by0 } : null;
    const cam = fit.pinhole;
    if (cam) {
      // The head where the photo's camera saw it; the frustum through the photo's corners.
      const t = cam.translationMm;
      this.group.position.set(t[0], t[1], t[2]);
      const near = Math.max(1, -t[2] - HEAD_DEPTH_MM);
      const k = near / cam.focalPx;
      const [cx, cy] = cam.principalPx;
      this.pinhole.projectionMatrix.makePerspective(-cx * k, (this.widthPx - cx) * k, cy * k, (cy - this.heightPx) * k, near, -t[2] + HEAD_DEPTH_MM);
      this.pinhole.projectionMatrixInverse.copy(this.pinhole.projectionMatrix).invert();
      this.camera = this.pinhole;
    } else {
      const m = fit.mmPerPx;
      const [ox, oy] = fit.originPx;
      this.group.position.set(0, 0, 0);
      Object.assign(this.ortho, { left: -ox * m, right: (this.widthPx - ox) * m, top: oy * m, bottom: (oy - this.heightPx) * m });
      this.ortho.updateProjectionMatrix();
      this.camera = this.ortho;
    }
  }

  /** Whether a frame can be drawn now without making the page wait for the GPU (render/gpuQueue.ts):
   * false while it is busy or while the passes' programs are compiled; ask again a frame later. */
  ready(): boolean {
    if (!this.shown || !this.out || !this.head || !this.skin || !this.photo) return false;
    const queue = gpuQueue(this.renderer);
    const before = this.renderer.getRenderTarget();
    try {
      this.renderer.setRenderTarget(this.shown);
      if (!queue.frameReady(this.scene, this.camera)) return false;
      this.renderer.setRenderTarget(this.out);
      return queue.frameReady(this.composite.scene, this.composite.camera);
    } finally {
      this.renderer.setRenderTarget(before);
    }
  }

  /** Draws the frame into the output (call after ready()); the box drawn, or null (the photo
   * as it is). Read it with read(). */
  draw(frame: PhotoFrameInput): PixelBox | null {
    const { renderer, box, shown, hidden, out, skin } = this;
    if (!box || !shown || !hidden || !out || !skin || !this.photo) return null;
    const before = renderer.getRenderTarget();
    const frameCount = renderer.info.render.frame;
    const clear = renderer.getClearColor(new Color());
    const clearAlpha = renderer.getClearAlpha();
    const { lighting } = frame;
    this.lights[0].intensity = lighting.key;
    this.lights[1].intensity = lighting.fill;
    this.lights[2].intensity = lighting.rim;
    this.probe.intensity = lighting.environment;
    const design: Design = { ...frame.design, skin: { ...frame.design.skin, customLab: skin } };
    renderer.setClearColor(0x000000, 0);
    // Head passes: rows from the bottom.
    const glY = this.heightPx - box.y - box.h;
    const key = JSON.stringify([lighting, this.fit, skin, this.widthPx, this.heightPx, this.material.defines?.DOT_MAPS]);
    if (key !== this.hiddenKey) {
      writeInks(this.uniforms, HIDDEN(design), frame.layerCounts, frame.years);
      this.pass(hidden, box.x, glY, box.w, box.h, true);
      this.hiddenKey = key;
    }
    const split = frame.compare.on ? Math.round(this.widthPx * frame.compare.split) : this.widthPx;
    const left = Math.min(box.w, Math.max(0, split - box.x));
    if (left > 0) {
      writeInks(this.uniforms, design, frame.layerCounts, frame.years);
      this.pass(shown, box.x, glY, left, box.h, false);
    }
    if (left < box.w) {
      writeInks(this.uniforms, design, frame.layerCounts, frame.compare.years);
      this.pass(shown, box.x + left, glY, box.w - left, box.h, false);
    }
    const u = this.composite.uniforms;
    u.uPhoto.value = this.photo;
    u.uShown.value = shown.texture;
    u.uHidden.value = hidden.texture;
    u.uKeep.value = this.keep;
    u.uHasKeep.value = this.keep ? 1 : 0;
    u.uSizePx.value.set(this.widthPx, this.heightPx);
    // The output's rows run from the top (composite.ts).
    out.scissor.set(box.x, box.y, box.w, box.h);
    out.scissorTest = true;
    renderer.setRenderTarget(out);
    renderer.render(this.composite.scene, this.composite.camera);
    renderer.setRenderTarget(before);
    renderer.setClearColor(clear, clearAlpha);
    // The viewer counts its own frames by this number (scene/Viewer.tsx): these are not its.
    renderer.info.render.frame = frameCount;
    gpuQueue(renderer).drawnFrame();
    return box;
  }

  /** The whole head (its depth cleared first), or the scalp against the depth it left. */
  private pass(target: WebGLRenderTarget, x: number, y: number, w: number, h: number, whole: boolean): void {
    const { renderer } = this;
    target.scissor.set(x, y, w, h);
    target.scissorTest = true;
    this.headMesh.visible = whole;
    this.scalpMesh.visible = !whole;
    renderer.setRenderTarget(target);
    renderer.clear(true, whole, whole);
    const autoClear = renderer.autoClear;
    renderer.autoClear = false;
    renderer.render(this.scene, this.camera);
    renderer.autoClear = autoClear;
  }

  /** The output's pixels in `box` (RGBA, rows from the top) into `into` (w * h * 4 bytes). */
  read(box: PixelBox, into: Uint8Array): void {
    if (this.out) this.renderer.readRenderTargetPixels(this.out, box.x, box.y, box.w, box.h, into);
  }

  dispose(): void {
    for (const target of [this.shown, this.hidden, this.out]) target?.dispose();
    this.hidden?.depthTexture?.dispose();
    if (this.scalp) disposeScalpGeometry(this.scalp.sub);
    this.photo?.dispose();
    this.keep?.dispose();
    this.material.dispose();
    this.uniforms.uInkRamp.value?.dispose();
    this.composite.dispose();
  }
}
