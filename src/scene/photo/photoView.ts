/** One photo with the design drawn on it, kept in step with the store: whatever the 3D view
 * redraws for (the design, the year, the divider, the light, new dots) redraws the photo too.
 * Frames are drawn in the viewer's WebGL context (render/photo/photoRenderer.ts), when its GPU
 * queue is idle, and read back once a fence says the GPU has finished them, so the page never
 * waits for the GPU. */
import type { WebGLRenderer } from 'three';
import { foreheadPatch, LOD_CELL_MM, patchLab, skinLab, type HeadModel, type Lab, type OrthoFit } from '../../model';
import { gpuQueue } from '../../render/gpuQueue';
import { PhotoRenderer, type PhotoFrameInput, type PixelBox } from '../../render/photo/photoRenderer';
import { useAppStore } from '../../state/store';
import { shownDesign } from '../DotLayers';
import { LOD_MAX_CELL_PX } from '../HeadMesh';
import { useDotsDrawn } from '../dotsView';
import { sceneState } from '../sceneState';

export type PhotoStatus = 'loading' | 'drawing' | 'ready' | 'error';

/** What the view reports after each frame (the component puts it on its element). */
export interface PhotoReport {
  status: PhotoStatus;
  renderCount: number;
  years: number | null;
  frameMs: number | null;
  skin: Lab | null;
  skinSource: 'photo' | 'design' | null;
  box: PixelBox | null;
  message: string | null;
}

/** A photo larger than this (pixels on its long side) is drawn at this size. */
export const MAX_PHOTO_SIDE = 2048;
/** Retry delays while the GPU is busy, and while the viewer (its renderer, its head) is not there. */
const RETRY_MS = 16;
const WAIT_VIEWER_MS = 250;

export class PhotoView {
  private renderer: PhotoRenderer | null = null;
  private gl: WebGLRenderer | null = null;
  private epoch = -1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cancelRead: (() => void) | null = null;
  private dirty = true;
  private shownBox: PixelBox | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  private keepSource: TexImageSource | null = null;
  private keepDirty = false;
  readonly report: PhotoReport = { status: 'loading', renderCount: 0, years: null, frameMs: null, skin: null, skinSource: null, box: null, message: null };
  private sampledFor: { head: HeadModel; fit: OrthoFit } | null = null;

  /** `canvas` shows the result and already holds the photo; `source` is what the GPU takes
   * (the same pixels, at the canvas's size). A `still` (a picture for the report) shows the year
   * on screen over the whole photo, without the before/after divider, and is not one of the
   * page's photo views. */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly source: TexImageSource,
    private fit: OrthoFit,
    private readonly onReport: (r: PhotoReport) => void,
    private readonly options: { still?: boolean } = {},
  ) {
    this.unsubscribe.push(
      useAppStore.subscribe((s, p) => {
        if (s.design !== p.design || s.years !== p.years || s.compare !== p.compare || s.mode !== p.mode || s.lighting !== p.lighting || s.glEpoch !== p.glEpoch || s.head !== p.head) this.request();
      }),
      useDotsDrawn.subscribe(() => this.request()),
    );
    if (!options.still) views.add(this);
    this.request();
  }

  setFit(fit: OrthoFit): void {
    this.fit = fit;
    this.sampledFor = null;
    this.request();
  }

  /** The hair to keep (red channel, 1 = keep), null for none. Call again after painting on it. */
  setKeepMask(mask: TexImageSource | null): void {
    this.keepSource = mask;
    this.keepDirty = true;
    this.request();
  }

  /** Asks for a frame (several asks before it is drawn make one). */
  request(): void {
    this.dirty = true;
    if (this.report.status === 'ready') this.setReport({ status: 'drawing' });
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer !== null || this.cancelRead) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick();
    }, ms);
  }

  private setReport(patch: Partial<PhotoReport>): void {
    Object.assign(this.report, patch);
    this.onReport(this.report);
  }

  /** The renderer in the viewer's current context, brought up to date with the head, the dots,
   * the fit and the photo's skin; null while the viewer or its head is not there. */
  private prepared(): PhotoRenderer | null {
    const three = sceneState.three?.();
    const head = sceneState.meshHead;
    // The coarse head where its cells are as few photo pixels wide as the 3D view allows (HeadMesh).
    const coarse = LOD_CELL_MM / this.fit.mmPerPx <= LOD_MAX_CELL_PX;
    const geometry = (coarse ? sceneState.headLodGeometry : null) ?? sceneState.headGeometry;
    if (!three || !head || !geometry) return null;
    const { glEpoch } = useAppStore.getState();
    if (!this.renderer || this.gl !== three.gl || this.epoch !== glEpoch) {
      // A lost context's objects are dropped, not deleted in the new one (scene/sceneState.ts).
      if (this.epoch === glEpoch) this.renderer?.dispose();
      this.renderer = new PhotoRenderer(three.gl);
      this.renderer.setPhoto(this.source, this.canvas.width, this.canvas.height);
      this.gl = three.gl;
      this.epoch = glEpoch;
      this.keepDirty = true;
      this.sampledFor = null;
    }
    const r = this.renderer;
    if (!this.sampledFor || this.sampledFor.head !== head || this.sampledFor.fit !== this.fit) {
      r.setHead(head, geometry);
      r.setFit(this.fit);
      const skin = this.sampleSkin(head);
      r.setSkin(skin.lab);
      this.sampledFor = { head, fit: this.fit };
      this.setReport({ skin: skin.lab, skinSource: skin.source, box: r.box });
    } else r.setHead(head, geometry);
    if (this.keepDirty) {
      r.setKeepMask(this.keepSource);
      this.keepDirty = false;
    }
    const u = sceneState.dotUniforms;
    r.setDotMaps(u ? [u.uDotMap0.value, u.uDotMap1.value] : []);
    return r;
  }

  /** The forehead's colour in the photo; the design's skin when the fit shows no forehead. */
  private sampleSkin(head: HeadModel): { lab: Lab; source: 'photo' | 'design' } {
    const patch = foreheadPatch(head, this.fit);
    const ctx = this.canvas.getContext('2d', { willReadFrequently: false });
    if (patch && ctx) {
      const r = Math.ceil(patch.radiusPx) + 1;
      const x0 = Math.max(0, Math.floor(patch.centerPx[0]) - r),
        y0 = Math.max(0, Math.floor(patch.centerPx[1]) - r);
      const w = Math.min(this.canvas.width, Math.ceil(patch.centerPx[0]) + r) - x0,
        h = Math.min(this.canvas.height, Math.ceil(patch.centerPx[1]) + r) - y0;
      if (w > 0 && h > 0) {
        // The canvas shows the photo outside the scalp's box, and the forehead lies outside it.
        const img = ctx.getImageData(x0, y0, w, h);
        const lab = patchLab(img.data, w, h, { ...patch, centerPx: [patch.centerPx[0] - x0, patch.centerPx[1] - y0] });
        if (lab) return { lab, source: 'photo' };
      }
    }
    return { lab: skinLab(useAppStore.getState().design.skin), source: 'design' };
  }

  /** The store's state as this frame shows it (yearsOverride: the bench's scrub). */
  private frameInput(yearsOverride?: number): PhotoFrameInput {
    const s = useAppStore.getState();
    return {
      design: shownDesign(s),
      years: yearsOverride ?? s.years,
      compare: this.options.still ? { ...s.compare, on: false } : s.compare,
      // While new dots are baked the maps on screen are still there: the photo keeps showing them.
      layerCounts: sceneState.dotUniforms?.uDotMap0.value ? ((useDotsDrawn.getState().drawn ?? s.dots)?.layerCounts ?? null) : null,
      lighting: s.lighting,
    };
  }

  private tick(): void {
    if (!this.dirty) return;
    let r: PhotoRenderer | null;
    try {
      r = this.prepared();
      if (!r) return this.schedule(WAIT_VIEWER_MS);
      if (!r.ready()) return this.schedule(RETRY_MS);
    } catch (e) {
      return this.setReport({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
    this.dirty = false;
    const input = this.frameInput();
    const t0 = performance.now();
    const box = r.draw(input);
    const queue = gpuQueue(this.gl!);
    queue.fenceNow();
    let done = false;
    const cancel = queue.whenIdle(() => {
      done = true;
      this.cancelRead = null;
      if (r !== this.renderer) return this.request();
      this.show(r, box);
      this.setReport({ status: this.dirty ? 'drawing' : 'ready', renderCount: this.report.renderCount + 1, years: input.years, frameMs: performance.now() - t0 });
      if (this.dirty) this.schedule(0);
    });
    if (!done) this.cancelRead = cancel;
  }

  /** Puts the drawn box on the canvas (the photo itself back where an earlier box was). */
  private show(r: PhotoRenderer, box: PixelBox | null): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const old = this.shownBox;
    if (old && (!box || old.x !== box.x || old.y !== box.y || old.w !== box.w || old.h !== box.h)) {
      ctx.drawImage(this.source as CanvasImageSource, old.x, old.y, old.w, old.h, old.x, old.y, old.w, old.h);
    }
    this.shownBox = box;
    if (!box) return;
    const img = new ImageData(box.w, box.h);
    r.read(box, new Uint8Array(img.data.buffer));
    ctx.putImageData(img, box.x, box.y);
  }

  /** The bench's scrub: a frame per year, each drawn, read back and shown before the next
   * (waiting for the GPU); the mean milliseconds per frame. */
  async renderFrames(years: readonly number[]): Promise<number> {
    const deadline = performance.now() + 60_000;
    let r = this.prepared();
    while (!r || !r.ready()) {
      if (performance.now() > deadline) throw new Error('the photo view could not draw within 60 s');
      await new Promise((res) => setTimeout(res, RETRY_MS));
      r = this.prepared();
    }
    let total = 0;
    for (const y of years) {
      const t0 = performance.now();
      this.show(r, r.draw(this.frameInput(y)));
      total += performance.now() - t0;
      await new Promise((res) => setTimeout(res, 0));
    }
    this.request();
    return total / Math.max(1, years.length);
  }

  dispose(): void {
    views.delete(this);
    for (const u of this.unsubscribe) u();
    if (this.timer !== null) clearTimeout(this.timer);
    this.cancelRead?.();
    this.renderer?.dispose();
    this.renderer = null;
  }
}

/** The photo views on the page, newest last (for the page's handle, scene/WindowHook.tsx). */
export const views = new Set<PhotoView>();
