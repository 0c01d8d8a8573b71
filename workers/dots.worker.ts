/** Samples dot layers off the main thread. The dots go back transferred, not copied; progress
 * is reported through a callback. A job is cancelled by terminating this worker. */
import * as Comlink from 'comlink';
import { DotLimitError, generateDots, scalpLook, type Design, type DotSet, type DotsHead, type ScalpLook } from '../src/model';

export type DotsJobResult = { ok: true; dots: DotSet } | { ok: false; layer: number | null; message: string };

const api = {
  generate(head: DotsHead, design: Design, onProgress?: (fraction: number) => void): DotsJobResult {
    try {
      const dots = generateDots(head, design, { onProgress });
      const buffers = [dots.positions, dots.normals, dots.uv, dots.uvAxes, dots.layer, dots.diameterMm, dots.shade].map((a) => a.buffer as ArrayBuffer);
      return Comlink.transfer({ ok: true, dots }, buffers);
    } catch (e) {
      // A design the device cannot hold is an answer with its reason, not a crash.
      if (e instanceof DotLimitError) return { ok: false, layer: e.layer, message: e.message };
      throw e;
    }
  },
  /** The client's own scalp: stubble where hair grows, and the scar map. */
  look(head: DotsHead, design: Design): ScalpLook {
    const look = scalpLook(head, design);
    const s = look.stubble;
    const buffers = [s.positions, s.normals, s.uv, s.uvAxes, s.layer, s.diameterMm, s.shade, s.unitPositions, s.hairsPerUnit, s.unitOf, s.directions];
    if (look.scarMap) buffers.push(look.scarMap);
    return Comlink.transfer(
      look,
      buffers.map((a) => a.buffer as ArrayBuffer),
    );
  },
};

export type DotsWorkerApi = typeof api;

Comlink.expose(api);
