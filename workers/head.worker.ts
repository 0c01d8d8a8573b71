/** Builds heads off the main thread. Typed arrays go back transferred, not copied. */
import * as Comlink from 'comlink';
import { createHead, headDisplay, HeadMeasureError, type HeadInput, type HeadModel } from '../src/model';

export type HeadJobResult = { ok: true; head: HeadModel } | { ok: false; field: HeadMeasureError['field']; message: string };

function transferables(head: HeadModel): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const c = head.display?.coarse;
  const arrays: ArrayBufferView[] = [head.positions, head.normals, head.indices, head.scalpUv, head.features, head.chart.rhoMm, head.chart.surfaceMm, head.chart.boundaryThetaRad];
  if (head.display && c) arrays.push(head.display.occlusion, c.positions, c.normals, c.indices, c.scalpUv, c.ao, c.features, head.display.lids);
  for (const a of arrays) {
    if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  }
  return [...buffers];
}

const api = {
  createHead(input: HeadInput): HeadJobResult {
    try {
      const head = createHead(input);
      // The viewer's occlusion and coarse mesh are made here too, not on the main thread.
      head.display = headDisplay(head);
      return Comlink.transfer({ ok: true, head }, transferables(head));
    } catch (e) {
      // Bad input is an answer, not a crash: it is reported with the field and the range.
      if (e instanceof HeadMeasureError) return { ok: false, field: e.field, message: e.message };
      throw e;
    }
  },
};

export type HeadWorkerApi = typeof api;

Comlink.expose(api);
