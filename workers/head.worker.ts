/** Builds heads off the main thread. Typed arrays go back transferred, not copied. */
import * as Comlink from 'comlink';
import { createHead, headDisplay, HeadMeasureError, type DotsHead, type HeadInput, type HeadModel } from '../src/model';
import { HeadCache, headCacheKey } from '../src/storage/headCache';
import { unpackHead } from '../src/storage/packedHead';

/** The build of the model's code (vite.config.ts): a head kept by another build is not used. */
declare const __MODEL_BUILD__: string;
const MODEL_BUILD = typeof __MODEL_BUILD__ === 'string' ? __MODEL_BUILD__ : 'dev';
/** The heads this build ships (vite.config.ts, bakedHeads): cache key to file name, beside this file. */
declare const __BAKED_HEADS__: Record<string, string>;
const BAKED_HEADS: Record<string, string> = typeof __BAKED_HEADS__ === 'object' ? __BAKED_HEADS__ : {};

/** The head of `key` as this build ships it, or null (not shipped, offline, unreadable): it is then built. */
async function bakedHead(key: string): Promise<HeadModel | null> {
  const file = BAKED_HEADS[key];
  if (!file) return null;
  try {
    const response = await fetch(new URL(file, import.meta.url));
    if (!response.ok || !response.body) return null;
    return unpackHead(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  } catch {
    return null;
  }
}

/** What the dots need of a head, sent as soon as it is known: the viewer's occlusion and coarse
 * mesh (about a second more) are still to come, and the dots can be made meanwhile. */
export type HeadShape = DotsHead & Pick<HeadModel, 'sex'>;

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

/** The heads built before, on this device (storage/headCache.ts). */
const cache = HeadCache.open();

/** The head of `key` kept on this device or shipped with the build, or null: it is then built. */
async function knownHead(key: string): Promise<HeadModel | null> {
  const kept = await cache;
  let known = await kept?.get(key);
  if (!known) {
    known = await bakedHead(key);
    // Kept as a built one is, for offline visits (the service worker does not precache it).
    if (known) kept?.put(key, known);
  }
  return known ?? null;
}

/** Heads looked up ahead of their request (api.prefetch), by cache key: the first request takes
 * its own, and the others are dropped. */
let ahead = new Map<string, Promise<HeadModel | null>>();

const shapeOf = (head: HeadModel): HeadShape => ({ chart: head.chart, landmarks: head.landmarks, measures: head.measures, sex: head.sex });

const api = {
  async createHead(input: HeadInput, onShape?: (shape: HeadShape) => void): Promise<HeadJobResult> {
    try {
      const key = headCacheKey(input, MODEL_BUILD);
      const early = ahead.get(key);
      ahead = new Map();
      const known = (early && (await early.catch(() => null))) || (await knownHead(key));
      if (known?.display) {
        onShape?.(shapeOf(known));
        return Comlink.transfer({ ok: true, head: known }, transferables(known));
      }
      const head = createHead(input);
      onShape?.(shapeOf(head));
      // The viewer's occlusion and coarse mesh are made here too, not on the main thread.
      head.display = headDisplay(head);
      (await cache)?.put(key, head);
      return Comlink.transfer({ ok: true, head }, transferables(head));
    } catch (e) {
      // Bad input is an answer, not a crash: it is reported with the field and the range.
      if (e instanceof HeadMeasureError) return { ok: false, field: e.field, message: e.message };
      throw e;
    }
  },
  /** Looks the head of `input` up now (kept or shipped, not built), for the request that follows:
   * the page starts this as it loads, while its own code and the records are still starting. */
  prefetch(input: HeadInput): void {
    const key = headCacheKey(input, MODEL_BUILD);
    if (!ahead.has(key)) ahead.set(key, knownHead(key));
  },
};

export type HeadWorkerApi = typeof api;

Comlink.expose(api);
