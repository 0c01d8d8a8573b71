/** A PNG of the current view at a chosen width: the frame is drawn once more at a higher pixel
 * ratio (the coverage maps are resolution-independent), read back, and the screen restored. */
import { advance } from '@react-three/fiber';
import { paintBackdrop } from '../render/background';
import { gpuQueue } from '../render/gpuQueue';
import { sceneState } from './sceneState';

/** Tries at drawing the frame before giving up (about a second and a half apart from the GPU's own waits). */
const DRAW_TRIES = 100;

/** `widthPx` is the width of the whole view; `aspect` (width / height) keeps only its middle
 * part of that shape (a head-and-shoulders crop for the report). */
export async function snapshotPng(widthPx: number, aspect?: number, type: 'image/png' | 'image/jpeg' = 'image/png'): Promise<Blob> {
  const get = sceneState.three;
  if (!get) throw new Error('The 3D view is not ready.');
  const state = get();
  const { gl, size } = state;
  const before = gl.getPixelRatio();
  const ratio = widthPx / size.width;
  const max = gl.capabilities.maxTextureSize / Math.max(size.width, size.height);
  if (ratio > max) throw new Error(`This device can draw at most ${Math.floor(max * size.width)} pixels wide.`);
  try {
    gl.setPixelRatio(ratio);
    gl.setSize(size.width, size.height, false);
    // The viewer skips a frame while the GPU has fenced work to finish (render/gpuQueue.ts), such
    // as the photo view's last frame: the picture would be the empty backdrop. Drawn once the GPU
    // is idle, and again until a frame was drawn.
    for (let tries = 0; ; tries++) {
      await new Promise<void>((resolve) => gpuQueue(gl).whenIdle(resolve));
      const frame = gl.info.render.frame;
      advance(performance.now(), true, get());
      if (gl.info.render.frame !== frame) break;
      if (tries >= DRAW_TRIES) throw new Error('The view could not be drawn for the picture.');
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
    // The canvas is transparent over a CSS backdrop: paint the backdrop under the frame.
    const src = gl.domElement;
    const out = document.createElement('canvas');
    out.width = aspect ? Math.min(src.width, Math.round(src.height * aspect)) : src.width;
    out.height = aspect ? Math.min(src.height, Math.round(out.width / aspect)) : src.height;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('The picture could not be made.');
    const dx = (src.width - out.width) / 2;
    const dy = (src.height - out.height) / 2;
    ctx.translate(-dx, -dy);
    paintBackdrop(ctx, src.width, src.height);
    ctx.drawImage(src, 0, 0);
    // JPEG at 0.9: a tenth of the PNG's size for a shaded head, with no visible loss at print size.
    return await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be made.'))), type, 0.9));
  } finally {
    gl.setPixelRatio(before);
    gl.setSize(size.width, size.height, false);
    advance(performance.now(), true, get());
  }
}
