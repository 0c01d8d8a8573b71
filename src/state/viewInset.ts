/** How much of the bottom of the view a control floats over (CSS px): on a phone the timeline
 * lies over the picture, and the head is framed in what it leaves clear. */
import { create } from 'zustand';

export const useViewInset = create<{ bottomPx: number }>(() => ({ bottomPx: 0 }));

export function setViewInsetBottom(px: number): void {
  const bottomPx = Math.max(0, Math.round(px));
  if (useViewInset.getState().bottomPx !== bottomPx) useViewInset.setState({ bottomPx });
}
