// The store's job scheduling and history in Node, on stand-in worker clients whose every request
// waits until the test answers it (as the real clients do, a superseded request is answered
// 'stale'). Timers are faked, so the debounces are stepped through exactly.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultDesign, type Design, type DotSet, type DotsHead, type HeadInput, type HeadModel, type ScalpLook } from '../../src/model';
import { createAppStore } from '../../src/state/appStore';
import { DOTS_DEBOUNCE_MS } from '../../src/state/jobs';
import { PLAN_DEBOUNCE_MS } from '../../src/state/planJobs';
import type { HeadOutcome, HeadShape } from '../../src/state/headClient';
import type { DotsOutcome } from '../../src/state/dotsClient';
import type { JobOutcome } from '../../src/state/jobClient';
import type { PlansOutcome } from '../../src/state/fadeClient';

/** Lets every promise chain that can move on do so (setImmediate is left real). */
const settle = () => new Promise((r) => setImmediate(r));

/** A worker client's stand-in: records each request, which waits until the test answers it. */
class FakeClient<Args extends unknown[], Outcome> {
  readonly calls: { args: Args; answer(outcome: Outcome): Promise<unknown> }[] = [];
  readonly request = (...args: Args): Promise<Outcome> =>
    new Promise((resolve) => {
      this.calls.push({ args, answer: (outcome) => (resolve(outcome), settle()) });
    });
  get last() {
    return this.calls[this.calls.length - 1];
  }
}

const D = defaultDesign().head;
/** A head standing for the one built from `input`: the store reads only its measures and sex. */
const fakeHead = (input: HeadInput) =>
  ({
    measures: { circumferenceMm: input.circumferenceMm ?? D.circumferenceMm, lengthMm: input.lengthMm ?? D.lengthMm, breadthMm: input.breadthMm ?? D.breadthMm },
    sex: input.sex ?? 'male',
  }) as unknown as HeadModel;
const fakeDots = (count: number) => ({ count }) as DotSet;
const noLook = {} as ScalpLook;

function setup() {
  const head = new FakeClient<[HeadInput, ((shape: HeadShape) => void)?], HeadOutcome>();
  const dots = new FakeClient<[DotsHead, Design, ((fraction: number) => void)?], DotsOutcome>();
  const look = new FakeClient<[DotsHead, Design], JobOutcome<ScalpLook>>();
  const fade = new FakeClient<[DotsHead, Design, DotSet, unknown[], number], PlansOutcome>();
  const store = createAppStore({ head, dots, look, fade: { plans: fade.request } });
  const state = () => store.getState();
  return { head, dots, look, fade, store, state, actions: () => store.getState().actions };
}

/** A store with its first head, dots and client's scalp on screen. */
async function ready() {
  const t = setup();
  const building = t.actions().applyMeasures(D);
  await t.head.last.answer({ kind: 'ok', head: fakeHead(t.head.last.args[0]) });
  expect(await building).toBe('ok');
  await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
  await t.dots.last.answer({ kind: 'ok', dots: fakeDots(1000), ms: 5 });
  await t.look.last.answer({ kind: 'ok', value: noLook, ms: 1 });
  expect([t.state().headStatus, t.state().dotsStatus, t.state().lookStatus]).toEqual(['ready', 'ready', 'ready']);
  expect(t.state().past).toEqual([]);
  return t;
}

const density = (design: Design) => design.layers[0].densityPerCm2;
const firstLayer = (t: ReturnType<typeof setup>) => t.state().design.layers[0].id;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the store on stand-in workers', () => {
  it("starts the dots on the head's chart while the head is finished, and shows them with the head, with no second job", async () => {
    const t = setup();
    const building = t.actions().applyMeasures(D);
    const built = fakeHead(t.head.last.args[0]);
    t.head.last.args[1]!(built as unknown as HeadShape);
    expect(t.dots.calls).toHaveLength(1);
    expect(t.state().head).toBeNull();
    const made = fakeDots(1000);
    await t.dots.last.answer({ kind: 'ok', dots: made, ms: 5 });
    await t.head.last.answer({ kind: 'ok', head: built });
    expect(await building).toBe('ok');
    await settle();
    expect(t.dots.calls).toHaveLength(1);
    expect([t.state().head, t.state().dots, t.state().dotsHead, t.state().dotsStatus]).toEqual([built, made, built, 'ready']);
  });

  it('asks again for dots started on a chart when an edit came before the head did', async () => {
    const t = setup();
    const building = t.actions().applyMeasures(D);
    const built = fakeHead(t.head.last.args[0]);
    t.head.last.args[1]!(built as unknown as HeadShape);
    t.actions().updateLayer(t.state().design.layers[0].id, { densityPerCm2: 33 });
    await t.head.last.answer({ kind: 'ok', head: built });
    await building;
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    expect(t.dots.calls).toHaveLength(2);
    expect(density(t.dots.last.args[1])).toBe(33);
  });

  it('edits of the sampling fields start one dots job, for the last edit, once the debounce has passed; a shade edit starts none', async () => {
    const t = await ready();
    for (const d of [30, 35, 40]) t.actions().updateLayer(firstLayer(t), { densityPerCm2: d });
    expect(t.state().dotsStatus).toBe('generating');
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS - 1);
    expect(t.dots.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.dots.calls).toHaveLength(2);
    expect(density(t.dots.last.args[1])).toBe(40);
    const newer = fakeDots(2000);
    await t.dots.last.answer({ kind: 'ok', dots: newer, ms: 5 });
    expect(t.state().dots).toBe(newer);
    expect(t.state().dotsStatus).toBe('ready');

    t.actions().setShadeForAll(0.7);
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS * 2);
    expect(t.dots.calls).toHaveLength(2);
    expect(t.state().dotsStatus).toBe('ready');
  });

  it('a dots job superseded by a newer one changes nothing; the newer one is shown', async () => {
    const t = await ready();
    const first = t.state().dots;
    t.actions().updateLayer(firstLayer(t), { densityPerCm2: 30 });
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    const older = t.dots.last;
    t.actions().updateLayer(firstLayer(t), { densityPerCm2: 45 });
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    const newer = t.dots.last;
    expect([density(older.args[1]), density(newer.args[1])]).toEqual([30, 45]);

    await older.answer({ kind: 'stale' });
    expect(t.state().dots).toBe(first);
    expect(t.state().dotsStatus).toBe('generating');
    const shown = fakeDots(3000);
    await newer.answer({ kind: 'ok', dots: shown, ms: 5 });
    expect(t.state().dots).toBe(shown);
    expect(t.state().dotsStatus).toBe('ready');
  });

  it('failed jobs set an error with Try again; retryFailed runs each of them again, and only them', async () => {
    const t = await ready();
    t.actions().setStubble({ shaveLengthMm: 1 });
    t.actions().updateLayer(firstLayer(t), { densityPerCm2: 30 });
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    await t.look.last.answer({ kind: 'failed', message: 'The scalp failed.' });
    await t.dots.last.answer({ kind: 'failed', message: 'The dots failed.' });
    expect(t.state().dotsStatus).toBe('error');
    expect(t.state().lookStatus).toBe('error');
    expect(t.state().error).toEqual({ message: 'The dots failed.', field: null, retry: true });
    expect([t.dots.calls.length, t.look.calls.length]).toEqual([2, 2]);

    t.actions().retryFailed();
    expect(t.state().error).toBeNull();
    expect(t.state().lookStatus).toBe('generating');
    expect(t.look.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    expect(t.dots.calls).toHaveLength(3);
    expect(density(t.dots.last.args[1])).toBe(30);
    await t.dots.last.answer({ kind: 'ok', dots: fakeDots(900), ms: 5 });
    await t.look.last.answer({ kind: 'ok', value: noLook, ms: 1 });
    expect([t.state().dotsStatus, t.state().lookStatus, t.state().error]).toEqual(['ready', 'ready', null]);

    // Nothing failed since: Try again runs nothing.
    t.actions().retryFailed();
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    expect([t.dots.calls.length, t.look.calls.length]).toEqual([3, 3]);
  });

  it('a head that fails is built again by retryFailed, and the design takes its measures only once it is built', async () => {
    const t = await ready();
    const building = t.actions().applyMeasures({ circumferenceMm: 580 });
    await t.head.last.answer({ kind: 'failed', message: 'No head.' });
    expect(await building).toBe('failed');
    expect(t.state().headStatus).toBe('error');
    expect(t.state().error).toEqual({ message: 'No head.', field: null, retry: true });
    expect(t.state().design.head.circumferenceMm).toBe(D.circumferenceMm);

    t.actions().retryFailed();
    expect(t.head.calls).toHaveLength(3);
    expect(t.head.last.args[0]).toEqual({ sex: D.sex, circumferenceMm: 580 });
    await t.head.last.answer({ kind: 'ok', head: fakeHead(t.head.last.args[0]) });
    expect(t.state().headStatus).toBe('ready');
    expect(t.state().design.head.circumferenceMm).toBe(580);
  });

  it("a new head asks for dots, then for the client's scalp on it; the design takes its measures in one step", async () => {
    const t = await ready();
    const building = t.actions().applyMeasures({ circumferenceMm: 580 });
    expect(t.state().headStatus).toBe('loading');
    await t.head.last.answer({ kind: 'ok', head: fakeHead(t.head.last.args[0]) });
    expect(await building).toBe('ok');
    expect(t.state().head?.measures.circumferenceMm).toBe(580);
    expect(t.state().design.head.circumferenceMm).toBe(580);
    expect(t.state().past).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    expect(t.dots.calls).toHaveLength(2);
    expect(t.dots.last.args[0].measures.circumferenceMm).toBe(580);
    // The client's scalp on it once its dots are made (they are baked first, the design being
    // what the consultation is about).
    const looks = t.look.calls.length;
    expect(t.state().lookStatus).toBe('generating');
    await t.dots.last.answer({ kind: 'ok', dots: fakeDots(900), ms: 5 });
    expect(t.look.calls).toHaveLength(looks + 1);
    expect(t.look.last.args[0].measures.circumferenceMm).toBe(580);
  });

  it('undo puts back the design before the edit and asks for its dots; undoing new measures builds a head of the old ones', async () => {
    const t = await ready();
    const before = t.state().design;
    t.actions().updateLayer(firstLayer(t), { densityPerCm2: 30 });
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    await t.dots.last.answer({ kind: 'ok', dots: fakeDots(800), ms: 5 });

    t.actions().undo();
    expect(t.state().design).toBe(before);
    expect(t.state().future).toHaveLength(1);
    expect(t.state().dotsStatus).toBe('generating');
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    expect(t.dots.calls).toHaveLength(3);
    expect(density(t.dots.last.args[1])).toBe(density(before));
    expect(t.head.calls).toHaveLength(1); // the same head

    const building = t.actions().applyMeasures({ circumferenceMm: 580 });
    await t.head.last.answer({ kind: 'ok', head: fakeHead(t.head.last.args[0]) });
    await building;
    t.actions().undo();
    expect(t.state().design.head.circumferenceMm).toBe(D.circumferenceMm);
    expect(t.state().headStatus).toBe('loading');
    expect(t.head.last.args[0]).toEqual(D);
    await t.head.last.answer({ kind: 'ok', head: fakeHead(t.head.last.args[0]) });
    expect(t.state().headStatus).toBe('ready');
    expect(t.state().head?.measures.circumferenceMm).toBe(D.circumferenceMm);
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    expect(t.dots.last.args[0].measures.circumferenceMm).toBe(D.circumferenceMm);
  });

  it('dots refused as too many take the design back to the sessions on screen, with the reason and no step left in the history', async () => {
    const t = await ready();
    const before = t.state().design;
    t.actions().updateLayer(firstLayer(t), { densityPerCm2: 60 });
    expect(t.state().past).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    await t.dots.last.answer({ kind: 'invalid', layer: 0, message: 'Too many dots.' });
    expect(density(t.state().design)).toBe(density(before));
    expect(t.state().past).toEqual([]);
    expect(t.state().dotsStatus).toBe('ready');
    expect(t.state().error).toEqual({ message: 'Too many dots.', field: null });
    // The design it went back to has its dots on screen: none are asked for again.
    await vi.advanceTimersByTimeAsync(DOTS_DEBOUNCE_MS);
    expect(t.dots.calls).toHaveLength(2);
  });

  it('the edits of a gesture make one step of the history', async () => {
    const t = await ready();
    const before = t.state().design;
    t.actions().beginGesture();
    for (const d of [30, 32, 34, 36]) t.actions().updateLayer(firstLayer(t), { densityPerCm2: d });
    t.actions().endGesture();
    expect(t.state().past).toEqual([before]);
    t.actions().undo();
    expect(t.state().design).toBe(before);
    t.actions().redo();
    expect(density(t.state().design)).toBe(36);
  });

  it('plans for the dots on screen: the own scenario and the presets once the design settles, then the aftercare variants', async () => {
    const t = await ready();
    expect(t.state().fadePlans.status).toBe('running');
    await vi.advanceTimersByTimeAsync(PLAN_DEBOUNCE_MS - 1);
    expect(t.fade.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.fade.calls).toHaveLength(1);
    const [, design, dots, scenarios] = t.fade.last.args;
    expect(design).toBe(t.state().design);
    expect(dots).toBe(t.state().dots);
    const plan = (k: number) => ({ ok: true as const, plan: { k } as never });
    await t.fade.last.answer({ kind: 'ok', value: scenarios.map((_, k) => plan(k)), ms: 1 });
    expect(t.state().fadePlans).toMatchObject({ status: 'ready', own: { k: 0 }, aftercare: null, message: null });
    expect(t.state().fadePlans.presets).toHaveLength(scenarios.length - 1);

    expect(t.fade.calls).toHaveLength(2);
    await t.fade.last.answer({ kind: 'failed', message: 'No aftercare plans.' });
    expect(t.state().fadePlans.aftercare).toEqual({});
    expect(t.state().error).toEqual({ message: 'No aftercare plans.', field: null, retry: true });
    t.actions().retryFailed();
    await vi.advanceTimersByTimeAsync(PLAN_DEBOUNCE_MS);
    expect(t.fade.calls).toHaveLength(3);
  });
});
