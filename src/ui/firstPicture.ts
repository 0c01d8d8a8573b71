/** The first picture: the viewer has drawn the head with its dots, or says why it cannot (an
 * error, no WebGL). Work that the first picture does not need (the service worker's download of
 * the whole app, the panels not open, the fading chart's canvas) waits for it, so it does not
 * compete for the two cores or for the GPU thread. It is read from what the viewer states in the
 * DOM (data-status, data-dots-status), as tests do. */
import { useEffect, useState } from 'react';

/** Past this, deferred work starts anyway. */
const LATEST_MS = 30_000;

let shown: Promise<void> | null = null;

export function firstPictureShown(): Promise<void> {
  shown ??= new Promise<void>((resolve) => {
    const check = () => {
      if (document.querySelector('[data-testid="no-webgl"]')) return true;
      const viewer = document.querySelector('[data-testid="viewer"]');
      if (!viewer) return false;
      const dots = viewer.getAttribute('data-dots-status');
      return viewer.getAttribute('data-status') === 'error' || dots === 'ready' || dots === 'error';
    };
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (check()) finish();
    });
    const timer = setTimeout(() => finish(), LATEST_MS);
    function finish() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'data-dots-status'] });
  });
  return shown;
}

/** Runs `task` once the first picture is shown and the main thread has a moment. */
export function afterFirstPicture(task: () => void): void {
  void firstPictureShown().then(() => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => task(), { timeout: 2000 });
    else setTimeout(task, 200);
  });
}

/** False until the first picture is shown. */
export function useFirstPictureShown(): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let live = true;
    void firstPictureShown().then(() => live && setShown(true));
    return () => {
      live = false;
    };
  }, []);
  return shown;
}
