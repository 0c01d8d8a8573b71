// The store's job statuses (what the viewer's data-status, data-dots-status and data-look-status
// show) with workers that never answer: each job settles, to ready or to an error with "Try
// again", and never stays loading or generating. The workers are stand-ins on message channels.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChannelWorker } from './helpers/channelWorker';
import { defaultDesign, type DotSet, type HeadInput } from '../../src/model';
import { overrideJobTimeouts } from '../../src/state/jobClient';
import type { fadeClient as FadeClient, useAppStore as Store } from '../../src/state/store';

/** How many of the next calls of each job never get an answer. */
const silent = { createHead: 0, look: 0 };
/** Never settles, as a worker stuck in a job never answers. */
const never = () => new Promise<never>(() => {});
function answer<T>(method: keyof typeof silent, value: () => T): Promise<T> | T {
  if (silent[method] === 0) return value();
  silent[method]--;
  return never();
}

const noDots = (): Partial<DotSet> => ({
  count: 0,
  positions: new Float32Array(0),
  normals: new Float32Array(0),
  diameterMm: new Float32Array(0),
  shade: new Float32Array(0),
  layerCounts: new Uint32Array(3),
  layerAreaCm2: new Float32Array(3),
});
const apis: Record<string, object> = {
  head: {
    createHead: (input: HeadInput) =>
      answer('createHead', () => ({
        ok: true,
        head: { measures: { circumferenceMm: input.circumferenceMm, lengthMm: input.lengthMm, breadthMm: input.breadthMm }, sex: input.sex ?? 'male', chart: {}, landmarks: {} },
      })),
  },
  dots: {
    generate: () => ({ ok: true, dots: noDots() }),
    look: () => answer('look', () => ({ stubble: { count: 0, unitCount: 0, hairCount: 0 }, scarMap: null })),
  },
  fade: {
    // Plans take a moment, so that a simulation can come in while they are made.
    planAll: (_h: unknown, _d: unknown, _dots: unknown, scenarios: unknown[]) => {
      planCalls++;
      return new Promise((r) => setTimeout(() => r(scenarios.map(() => ({ ok: true, plan: {} }))), 30));
    },
    simulate: () => ({ ok: true, result: {} }),
  },
};
let planCalls = 0;

/** Short job timeouts (the hook the e2e tests use), so a silent worker is found out in a moment. */
const TIMEOUT_MS = 200;
let store: typeof Store;
let fadeClient: typeof FadeClient;
const state = () => store.getState();
const statuses = () => ({ head: state().headStatus, dots: state().dotsStatus, look: state().lookStatus });

async function until(what: string, holds: () => boolean, withinMs = 3000): Promise<void> {
  const t0 = performance.now();
  while (!holds()) {
    if (performance.now() - t0 > withinMs) throw new Error(`not within ${withinMs} ms: ${what}; statuses ${JSON.stringify(statuses())}, error ${JSON.stringify(state().error)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  vi.stubGlobal(
    'Worker',
    class {
      constructor(_url: URL, options: { name: string }) {
        return new ChannelWorker(apis[options.name]);
      }
    },
  );
  overrideJobTimeouts(TIMEOUT_MS);
  ({ useAppStore: store, fadeClient } = await import('../../src/state/store'));
  expect(await state().actions.applyMeasures(defaultDesign().head)).toBe('ok');
  await until('first head, dots and scalp ready', () => Object.values(statuses()).every((s) => s === 'ready'));
});

afterAll(() => {
  overrideJobTimeouts(null);
  vi.unstubAllGlobals();
});

describe('job statuses with workers that never answer', () => {
  it("the client's scalp: silent twice it ends in an error with Try again, not 'generating', though a newer edit (of the dots) came in between; Try again makes it ready", async () => {
    silent.look = 2;
    state().actions.setStubble({ shaveLengthMm: 1 });
    expect(state().lookStatus).toBe('generating');
    // The next edit does not change the scalp, so it asks for no new scalp.
    state().actions.updateLayer(state().design.layers[0].id, { densityPerCm2: 30 });
    await until('the scalp and dots jobs settle', () => state().lookStatus !== 'generating' && state().dotsStatus !== 'generating');
    console.log(`scalp job silent twice: ${JSON.stringify(statuses())}, "${state().error?.message}"`);
    expect(statuses()).toEqual({ head: 'ready', dots: 'ready', look: 'error' });
    expect(state().error).toEqual({
      message: `The client's hair and scars could not be drawn: the background worker did not answer within ${TIMEOUT_MS} ms, twice. Try again, or reload the page.`,
      field: null,
      retry: true,
    });

    state().actions.retryFailed();
    expect(state().lookStatus).toBe('generating');
    expect(state().error).toBeNull();
    await until('the scalp is ready after Try again', () => state().lookStatus === 'ready');
    expect(state().error).toBeNull();
  });

  it("a newer edit of the scalp supersedes a job that never answers: the status follows the newer job to 'ready' without waiting for a timeout", async () => {
    overrideJobTimeouts(60_000);
    try {
      silent.look = 1;
      state().actions.setStubble({ shaveLengthMm: 0.5 });
      await new Promise((r) => setTimeout(r, 20));
      state().actions.setStubble({ shaveLengthMm: 3 });
      await until('the newer scalp is ready', () => state().lookStatus === 'ready', 1000);
      expect(state().error).toBeNull();
    } finally {
      overrideJobTimeouts(TIMEOUT_MS);
    }
  });

  it("the head: silent twice, the viewer's status goes to 'error' with the message and Try again; Try again builds the head asked for", async () => {
    silent.createHead = 2;
    const outcome = await state().actions.applyMeasures({ circumferenceMm: 570 });
    expect(outcome).toBe('failed');
    expect(state().headStatus).toBe('error');
    expect(state().error?.message).toMatch(/^The 3D head could not be built: the background worker did not answer within 200 ms, twice\./);
    expect(state().error?.retry).toBe(true);

    state().actions.retryFailed();
    expect(state().headStatus).toBe('loading');
    await until('head, dots and scalp ready after Try again', () => Object.values(statuses()).every((s) => s === 'ready'));
    expect(state().design.head.circumferenceMm).toBe(570);
    expect(state().error).toBeNull();
  });

  it('a fading simulation (window.smpStudio.simulateFade) does not make the touch-up plans being made stale: their status still settles', async () => {
    const before = planCalls;
    state().actions.setShadeForAll(0.6);
    expect(state().fadePlans.status).toBe('running');
    await until('the plans job has started', () => planCalls > before);
    const simulated = await fadeClient.simulate(state().design, state().dots!, [0, 1]);
    expect(simulated.kind).toBe('ok');
    await until('the plans are ready', () => state().fadePlans.status === 'ready' && state().fadePlans.aftercare !== null);
  });
});
