/** The studio backdrop: a soft, low-contrast grey gradient, lighter behind the head, so the
 * head stands out and the corners stay a calm, even grey.
 *
 * It is CSS behind a transparent canvas, not a full-screen quad: under software WebGL the quad
 * cost ~10-15 ms of every frame (800x600) for a picture that never changes. Stops follow a
 * smoothstep from the centre (50%, 44%) to the edge of an ellipse 2/3 of the width and 5/9 of
 * the height across. */
export const BACKDROP_CSS = 'radial-gradient(66.7% 55.6% at 50% 44%, #dde0e4 0%, #dbdee2 25%, #d5d9dd 50%, #d0d3d8 75%, #cdd1d6 100%)';

/** The same backdrop painted into a 2D canvas (for pictures of the view). */
export function paintBackdrop(ctx: CanvasRenderingContext2D, width: number, height: number): void {
  const cx = width * 0.5;
  const cy = height * 0.44;
  ctx.save();
  ctx.translate(cx, cy);
  // The gradient's ellipse: 2/3 of the width by 5/9 of the height across, as a scaled circle.
  ctx.scale((width * 0.667) / 2, (height * 0.556) / 2);
  const g = ctx.createRadialGradient(0, 0, 0, 0, 0, 1);
  [
    ['#dde0e4', 0],
    ['#dbdee2', 0.25],
    ['#d5d9dd', 0.5],
    ['#d0d3d8', 0.75],
    ['#cdd1d6', 1],
  ].forEach(([c, t]) => g.addColorStop(t as number, c as string));
  ctx.fillStyle = g;
  ctx.fillRect(-4, -4, 8, 8);
  ctx.restore();
}
