// Training in the built app, in the system Chromium with software WebGL (1280x800): dots placed by
// synthetic pointer events on the head update the count and the score; undo takes the last one
// back; a click off the head places nothing; a finished attempt is kept and shown after a reload;
// a corrupted saved record is reported and skipped while the others survive. The heat map after a
// deliberately poor attempt is saved to test-results/e2e/training-heat-map.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Recorder } from './support/browser';
import { openApp, type AppSession } from './support/session';
import { saveShot, VIEWER, waitReady, waitRenderIdle } from './support/app';

const PROGRESS_KEY = 'smp-studio.training.progress.v1';

let session: AppSession;
let page: Page;
let rec: Recorder;

beforeAll(async () => {
  session = await openApp('#training');
  ({ page, rec } = session);
});

afterAll(() => session?.close());

const placed = async () => Number(await page.getByTestId('training-score').getAttribute('data-dots'));
const score = async () => page.getByTestId('training-score').getAttribute('data-score');

async function waitPlaced(n: number): Promise<void> {
  await page.waitForFunction((k) => Number(document.querySelector('[data-testid="training-score"]')?.getAttribute('data-dots')) === k, n, { timeout: 20_000 });
}

describe('training, desktop 1280x800', () => {
  it('places dots by pointer on the head; the count and the score update; undo takes the last back; off the head places nothing', async () => {
    await page.getByTestId('exercise').selectOption('patch-crown-40');
    await page.getByTestId('place-dots').click();
    await waitRenderIdle(page);
    const c = (await page.evaluate(() => window.smpStudio!.screenOf(window.smpStudio!.store.getState().camera.focus!.at)))!;
    // A deliberately poor attempt: a square grid, a clump and a hole in the middle.
    let n = 0;
    for (let i = -4; i <= 4; i++) {
      for (let j = -4; j <= 4; j++) {
        if (Math.abs(i) <= 1 && Math.abs(j) <= 1) continue;
        await page.mouse.click(c.x + i * 14, c.y + j * 14);
        n++;
      }
    }
    for (let k = 0; k < 5; k++) await page.mouse.click(c.x + 58 + k, c.y - 58);
    n += 5;
    await waitPlaced(n);
    // The score of all n dots: under load the debounced score may first come for some of them.
    await page.waitForFunction((k) => Number(document.querySelector('[data-testid="training-score"]')?.getAttribute('data-scored-dots')) === k, n, { timeout: 20_000 });
    const faults = await page.getByTestId('faults').locator('li').allInnerTexts();
    console.log(`training: ${n} dots placed, score ${await score()}; faults ${JSON.stringify(faults)}`);
    expect(Number(await score())).toBeLessThan(60);
    expect(faults.join(' ')).toMatch(/grid|rows/i);
    expect(faults.join(' ')).toMatch(/merge/i);
    await waitRenderIdle(page);
    await saveShot(page, 'training-heat-map');

    await page.getByTestId('training-undo').click();
    await waitPlaced(n - 1);
    // Off the head: the top-left corner of the viewer is background.
    const v = (await page.locator(VIEWER).boundingBox())!;
    await page.mouse.click(v.x + 8, v.y + 8);
    await page.waitForTimeout(300);
    expect(await placed(), 'a click off the head places nothing').toBe(n - 1);
    await page.getByTestId('training-redo').click();
    await waitPlaced(n);
  });

  it('a good fill scores higher than the poor attempt', async () => {
    const poor = Number(await score());
    await page.getByTestId('training-clear').click();
    await waitPlaced(0);
    const targets = await page.evaluate(() => {
      const s = window.smpStudio!;
      const cam = s.store.getState().camera.focus!;
      return { centre: s.screenOf(cam.at)! };
    });
    // A jittered hexagonal fill of the patch (2 cm, ~120 px here) at about the target spacing.
    const step = 10.5;
    let k = 0;
    for (let row = -6; row <= 5; row++) {
      for (let col = -6; col <= 5; col++) {
        const jitter = ((k * 7919) % 13) / 13 - 0.5;
        k++;
        await page.mouse.click(targets.centre.x + (col + (row % 2 ? 0.5 : 0)) * step + jitter * 2, targets.centre.y + row * step * 0.866 + jitter * 2);
      }
    }
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="training-score"]')?.getAttribute('data-dots')) >= 140, undefined, { timeout: 20_000 });
    await page.waitForTimeout(400);
    const good = Number(await score());
    console.log(`training: hexagonal fill ${await placed()} dots scores ${good} against ${poor} for the poor attempt`);
    expect(good).toBeGreaterThan(poor);
  });

  it('keeps a finished attempt and shows it after a reload', async () => {
    await page.getByTestId('finish').click();
    await page.getByTestId('saved').waitFor({ state: 'visible' });
    await page.reload({ waitUntil: 'load' });
    await waitReady(page);
    const attempts = await page.getByTestId('progress-chart').getAttribute('data-attempts');
    console.log(`training: after a reload, ${attempts} attempt(s) shown`);
    expect(Number(attempts)).toBe(1);
  });

  it('reports a corrupted saved record and keeps the others', async () => {
    await page.evaluate((key) => {
      const kept = JSON.parse(localStorage.getItem(key) ?? '[]');
      localStorage.setItem(key, JSON.stringify([...kept, 'garbage', { exerciseId: 'patch-crown-40', dateIso: 'yesterday', score: 140 }, kept[0]]));
    }, PROGRESS_KEY);
    await page.reload({ waitUntil: 'load' });
    await waitReady(page);
    const problems = await page.getByTestId('progress-problems').locator('li').allInnerTexts();
    const attempts = Number(await page.getByTestId('progress-chart').getAttribute('data-attempts'));
    console.log(`training: ${attempts} attempts kept; problems ${JSON.stringify(problems)}`);
    expect(problems.length).toBe(2);
    expect(attempts).toBe(2);
  });

  it('logged no console or page errors and made no request beyond this machine', () => {
    expect(rec.pageErrors, rec.summary()).toEqual([]);
    expect(rec.consoleErrors, rec.summary()).toEqual([]);
    expect(rec.external, rec.summary()).toEqual([]);
    expect(rec.cspViolations, rec.summary()).toEqual([]);
  });
});
