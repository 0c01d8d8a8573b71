import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Coalesces calls to at most one per animation frame, with the latest value: a slider fires
 * input events faster than the screen refreshes, and each commit is a new design. Whatever is
 * pending when the component unmounts is committed at once.
 */
export function useFrameCommit<T>(commit: (value: T) => void): (value: T) => void {
  const latest = useRef<{ value: T } | null>(null);
  const frame = useRef<number | null>(null);
  const commitRef = useRef(commit);
  useLayoutEffect(() => {
    commitRef.current = commit;
  });

  const flush = useCallback(() => {
    frame.current = null;
    const pending = latest.current;
    latest.current = null;
    if (pending) commitRef.current(pending.value);
  }, []);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      flush();
    },
    [flush],
  );

  return useCallback(
    (value: T) => {
      latest.current = { value };
      if (frame.current === null) frame.current = requestAnimationFrame(flush);
    },
    [flush],
  );
}
