/** Under a fitted photo: the head's proportion as the photo's outline shows it (state/photoShape.ts)
 * against the head shown, and, when they differ, the length and breadth to give the head, the
 * circumference kept. Applying them rebuilds the head; the photo's fit follows it.
 *
 * Only on a photo that says its lens (the EXIF's 35 mm focal length): the outline lies deeper than
 * the face the fit is laid on, so how much smaller it shows depends on how close the camera was,
 * up to a fifth with a phone at arm's length. Read with a guessed lens, a photo of the app's own
 * head taken with a 43 mm lens read 9 points of breadth/length too broad. */
import { useEffect, useState } from 'react';
import type { HeadShapeReading } from '../model';
import { readHeadShape } from '../state/photoShape';
import type { ShownPhoto } from '../state/photos';
import { useAppStore } from '../state/store';

/** Proportions closer than this are the same: the reading's accuracy on renders of known heads
 * (unit headShape.test.ts). */
const SAME_INDEX = 0.01;

const percent = (index: number) => `${Math.round(index * 100)} %`;
const mm = (x: number) => `${Math.round(x)} mm`;

export function PhotoHeadShape({ photo }: { photo: ShownPhoto }) {
  const head = useAppStore((s) => s.head);
  const busy = useAppStore((s) => s.headStatus === 'loading');
  const applyMeasures = useAppStore((s) => s.actions.applyMeasures);
  const [reading, setReading] = useState<{ fit: unknown; head: unknown; value: HeadShapeReading | null } | null>(null);
  const key = photo.fit;

  useEffect(() => {
    if (!head || !key || photo.focal35mm === undefined) return;
    let live = true;
    readHeadShape(photo, head).then(
      (value) => live && setReading({ fit: key, head, value }),
      () => live && setReading({ fit: key, head, value: null }),
    );
    return () => {
      live = false;
    };
  }, [photo, head, key]);

  if (!head || !key) return null;
  // Nothing to say on a photo that does not name its lens (the camera in the app's own, for one).
  if (photo.focal35mm === undefined) return null;
  if (!reading || reading.fit !== key || reading.head !== head) return null;
  const r = reading.value;
  if (!r) {
    return (
      <p className="photo-head-shape" role="status" data-testid="photo-head-shape" data-state="none">
        The outline of the head could not be read on this photo: a shaved head against a plain background reads best.
      </p>
    );
  }
  const same = Math.abs(r.indexSeen - r.indexShown) < SAME_INDEX;
  const attrs = { 'data-testid': 'photo-head-shape', 'data-index-seen': r.indexSeen.toFixed(3), 'data-index-shown': r.indexShown.toFixed(3) };
  if (same) {
    return (
      <p className="photo-head-shape" role="status" data-state="same" {...attrs}>
        The head shown has this photo&apos;s proportion: its breadth is {percent(r.indexSeen)} of its length.
      </p>
    );
  }
  return (
    <div className="photo-head-shape" role="group" aria-label="The head's shape on this photo" data-state="differs" {...attrs}>
      <p role="status">
        On this photo the head is {r.indexSeen > r.indexShown ? 'broader' : 'longer'} than the one shown: its breadth is {percent(r.indexSeen)} of its length, against {percent(r.indexShown)}.
      </p>
      <button type="button" className="secondary" disabled={busy} aria-busy={busy} onClick={() => void applyMeasures(r.measures)} data-testid="photo-head-shape-apply">
        Use length {mm(r.measures.lengthMm)} and breadth {mm(r.measures.breadthMm)}
      </button>
    </div>
  );
}
