/** The mask of the client's own hair to keep on a photo: white where the hair is kept (the design
 * is not drawn there), black elsewhere, stretched over the whole photo. Hair is marked with a
 * broad brush, so a small mask does: this is its size, the one rule the painting, the records and
 * client files share. */

/** The mask's long side, pixels (a photo smaller than this gets a mask of its own size). */
export const KEEP_MASK_SIDE_PX = 512;

/** The mask's size for a photo of this size: the photo's proportions, at most KEEP_MASK_SIDE_PX long. */
export function keepMaskSizePx(widthPx: number, heightPx: number): { widthPx: number; heightPx: number } {
  const scale = Math.min(1, KEEP_MASK_SIDE_PX / Math.max(widthPx, heightPx, 1));
  return { widthPx: Math.max(1, Math.round(widthPx * scale)), heightPx: Math.max(1, Math.round(heightPx * scale)) };
}
