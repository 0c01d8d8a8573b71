import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Rgba } from './png';
import { centreRect, cornerRects, fmt, foreground, greyStdDev, hexToRgb, hueDifference, luminance, meanAbsDiff, rgbDistance, rgbToLch, sample, type Rgb } from './pixels';
import { CANVAS, VIEWER } from './app';

/*
 * Thresholds for "this is the head's skin" and "this is the background". Lighting, shading and
 * tone mapping change how bright a lit surface looks and how saturated (a skin shader adds some
 * red), but hardly its hue. So the skin is recognised by its CIELAB hue angle, a chroma that is
 * neither grey nor garish, and a plausible brightness relative to data-skin-hex, not by exact RGB.
 * Measured on the app (SwiftShader, default lights): hue within 4 degrees, chroma x1.2-1.5,
 * luminance x0.6-0.8.
 */
export const SKIN_MAX_HUE_DIFF_DEG = 15;
export const SKIN_CHROMA_RATIO: [number, number] = [0.5, 2.5];
export const SKIN_LUMINANCE_RATIO: [number, number] = [0.2, 3];
/** How far (RGB distance) the background must be from the skin and from the centre of the head. */
export const BACKGROUND_MIN_DISTANCE = 40;

const fmtLch = (c: Rgb) => {
  const { L, C, h } = rgbToLch(c);
  return `(L ${L.toFixed(1)} C ${C.toFixed(1)} h ${h.toFixed(0)})`;
};

/** Mean colour of the four corners, taken as the background. */
export function backgroundOf(img: Rgba): Rgb {
  const cs = Object.values(cornerRects(img, 0.04)).map((r) => sample(img, r));
  return [0, 1, 2].map((k) => cs.reduce((s, c) => s + c[k], 0) / cs.length) as Rgb;
}

/**
 * Asserts that the canvas shows the head: the centre is skin of colour `skinHex` (hue close,
 * brightness plausible, R >= G >= B as for every skin type) and, unless `background` is false,
 * the canvas is not flat and its four corners are background, clearly apart from the skin and
 * from the centre. Returns the centre colour.
 */
export function expectHeadOnCanvas(img: Rgba, skinHex: string, label: string, { background = true } = {}): Rgb {
  const skin = hexToRgb(skinHex);
  const centre = sample(img, centreRect(img, 0.04));
  const corners = Object.entries(cornerRects(img, 0.04)).map(([k, r]) => [k, sample(img, r)] as const);
  const info = `${label}: centre ${fmt(centre)} ${fmtLch(centre)}, skin ${skinHex} ${fmt(skin)} ${fmtLch(skin)}, corners ${corners
    .map(([k, c]) => `${k} ${fmt(c)}`)
    .join(', ')}, grey std-dev ${greyStdDev(img).toFixed(1)}`;
  console.log(info);

  expect(centre[0] >= centre[1] - 2 && centre[1] >= centre[2] - 2, `${info}\ncentre is not skin-hued (R >= G >= B)`).toBe(true);
  const [lc, ls] = [rgbToLch(centre), rgbToLch(skin)];
  expect(hueDifference(lc.h, ls.h), `${info}\nCIELAB hue of the centre ${lc.h.toFixed(1)} vs the skin's ${ls.h.toFixed(1)} degrees`).toBeLessThan(SKIN_MAX_HUE_DIFF_DEG);
  const chroma = lc.C / Math.max(1, ls.C);
  expect(chroma, `${info}\nCIELAB chroma of the centre ${lc.C.toFixed(1)} vs the skin's ${ls.C.toFixed(1)}`).toBeGreaterThan(SKIN_CHROMA_RATIO[0]);
  expect(chroma, `${info}\nCIELAB chroma of the centre ${lc.C.toFixed(1)} vs the skin's ${ls.C.toFixed(1)}`).toBeLessThan(SKIN_CHROMA_RATIO[1]);
  const ratio = luminance(centre) / Math.max(1e-4, luminance(skin));
  expect(ratio, `${info}\ncentre brightness / skin brightness`).toBeGreaterThan(SKIN_LUMINANCE_RATIO[0]);
  expect(ratio, `${info}\ncentre brightness / skin brightness`).toBeLessThan(SKIN_LUMINANCE_RATIO[1]);
  if (!background) return centre;
  expect(greyStdDev(img), `${info}\nthe canvas is (nearly) flat`).toBeGreaterThan(8);
  for (const [k, c] of corners) {
    expect(rgbDistance(c, centre), `${info}\n${k} corner looks like the centre of the head`).toBeGreaterThan(BACKGROUND_MIN_DISTANCE);
    expect(rgbDistance(c, skin), `${info}\n${k} corner looks like skin`).toBeGreaterThan(BACKGROUND_MIN_DISTANCE);
  }
  return centre;
}

/** The head on the canvas: pixels apart from the background, their share, centroid and box. */
export function headRegion(img: Rgba) {
  const bg = backgroundOf(img);
  return { background: bg, ...foreground(img, bg, BACKGROUND_MIN_DISTANCE) };
}

/**
 * How different two pictures of the head are: the mean absolute difference (0-255 per channel)
 * over the smallest rectangle holding the head in both, so the background does not dilute it.
 */
export function headDifference(a: Rgba, b: Rgba): number {
  const ha = headRegion(a).box;
  const hb = headRegion(b).box;
  if (!ha || !hb) return meanAbsDiff(a, b);
  const x = Math.min(ha.x, hb.x);
  const y = Math.min(ha.y, hb.y);
  return meanAbsDiff(a, b, { x, y, w: Math.max(ha.x + ha.w, hb.x + hb.w) - x, h: Math.max(ha.y + ha.h, hb.y + hb.h) - y });
}

/**
 * Asserts that nothing covers the head: at its centroid and at four points around it (a quarter
 * of its size away), the topmost element is the viewer's canvas.
 */
export async function expectHeadUncovered(page: Page, img: Rgba, label: string): Promise<void> {
  const head = headRegion(img);
  expect(head.centroid, `${label}: no head found on the canvas`).not.toBeNull();
  const box = await page.locator(CANVAS).first().boundingBox();
  expect(box, `${label}: canvas has no box`).not.toBeNull();
  const sx = box!.width / img.width;
  const sy = box!.height / img.height;
  const c = head.centroid!;
  const hb = head.box!;
  const pts = [
    [c.x, c.y],
    [c.x - hb.w / 4, c.y],
    [c.x + hb.w / 4, c.y],
    [c.x, c.y - hb.h / 4],
    [c.x, c.y + hb.h / 4],
  ].map(([x, y]) => [box!.x + x * sx, box!.y + y * sy] as [number, number]);
  const viewport = page.viewportSize()!;
  for (const [x, y] of pts) {
    expect(x >= 0 && y >= 0 && x < viewport.width && y < viewport.height, `${label}: head point (${x.toFixed(0)}, ${y.toFixed(0)}) is off screen`).toBe(true);
    const hit = await page.evaluate(
      ([px, py, sel]) => {
        const el = document.elementFromPoint(px as number, py as number);
        const viewer = document.querySelector(sel as string);
        return { onCanvas: el instanceof HTMLCanvasElement && !!viewer && viewer.contains(el), el: el ? el.outerHTML.slice(0, 160) : null };
      },
      [x, y, VIEWER] as const,
    );
    expect(hit.onCanvas, `${label}: the head at (${x.toFixed(0)}, ${y.toFixed(0)}) is covered by ${hit.el}`).toBe(true);
  }
}
