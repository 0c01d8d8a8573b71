/** The studio backdrop: a soft, low-contrast grey gradient, lighter behind the head, so the
 * head stands out and the corners stay a calm, even grey.
 *
 * It is CSS behind a transparent canvas, not a full-screen quad: under software WebGL the quad
 * cost ~10-15 ms of every frame (800x600) for a picture that never changes. Stops follow a
 * smoothstep from the centre (50%, 44%) to the edge of an ellipse 2/3 of the width and 5/9 of
 * the height across. */
export const BACKDROP_CSS = 'radial-gradient(66.7% 55.6% at 50% 44%, #dde0e4 0%, #dbdee2 25%, #d5d9dd 50%, #d0d3d8 75%, #cdd1d6 100%)';
