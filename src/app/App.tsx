import { useEffect, useRef, useState } from 'react';
import { BACKDROP_CSS } from '../render/background';
import { useAppStore } from '../state/store';
import { ErrorAlert } from '../ui/ErrorAlert';
import { afterFirstPicture } from '../ui/firstPicture';
import { lazyPanel } from '../ui/lazyPanel';
import { MODE_PANELS, preloadModePanels } from '../ui/modePanels';
import { Sheet } from '../ui/Sheet';
import { MODE_LABELS, ModeTabs, panelId, tabId } from '../ui/ModeTabs';
import { ViewBar } from '../ui/ViewBar';
import { CompareDivider, Timeline } from '../ui/Timeline';
import { ViewSettings } from '../ui/ViewSettings';
import { StageViews } from '../ui/StageViews';
import { gpuProbeResult, probeGpu, type GpuProbe } from './gpuProbe';
import { NoWebGL } from './NoWebGL';
import { decodeShareLink, isShareLink } from '../storage/shareLink';
import type { Design } from '../model';

/** Storage that does not answer (a blocked upgrade) must not hold up the first head. */
const RECORDS_WAIT_MS = 3000;

/** The client records (IndexedDB, through Dexie): fetched at once, and evaluated in a task of
 * their own rather than with the app's first code. */
const records = import('../state/records');

function startRecordsWithin(ms: number): ReturnType<Awaited<typeof records>['startRecords']> {
  const none = { design: null, problem: null, savedAt: null };
  // Code that cannot be fetched is storage that does not answer.
  const started = records.then(
    (r) => r.startRecords(),
    () => none,
  );
  return Promise.race([started, new Promise<typeof none>((r) => setTimeout(() => r(none), ms))]);
}

/** The design of the share link in the address bar, or why it was refused. The link is consumed:
 * a reload shows what is on screen, and the design is not left in the address bar. */
function readShareLink(): { shared: Design | null; refused: string | null } {
  if (!isShareLink(location.hash)) return { shared: null, refused: null };
  try {
    const shared = decodeShareLink(location.hash);
    history.replaceState(null, '', `${location.pathname}${location.search}#home`);
    return { shared, refused: null };
  } catch (e) {
    return { shared: null, refused: `This link cannot be opened: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The viewer's element while its code (three.js, the scene) and the GPU probe are on their way:
 * the same box, saying the same as the viewer does while the head is built. */
function ViewerPending() {
  return (
    <div
      className="viewer"
      data-testid="viewer"
      data-status="loading"
      style={{ background: BACKDROP_CSS }}
      role="region"
      aria-label="3D preview of the head: drag to turn it, pinch or scroll to zoom"
      aria-busy="true"
    >
      {/* Where the canvas goes (the stylesheet places the viewer's first child). */}
      <div />
      <div className="viewer-note" aria-hidden="true">
        <span className="spinner" /> Building the head…
      </div>
    </div>
  );
}

/** The 3D preview and everything it draws with, in chunks of their own. */
const Viewer = lazyPanel('the 3D preview', () => import('../scene/Viewer').then((m) => m.Viewer), <ViewerPending />);
// Fetched at once, while the GPU probe runs; shown once both are in.
void Viewer.preload().catch(() => undefined);

/** The GPU probe's answer (app/gpuProbe.ts), once it is in. */
function useGpuProbe(): GpuProbe | null {
  const [probe, setProbe] = useState(gpuProbeResult);
  useEffect(() => {
    let live = true;
    if (!probe) void probeGpu().then((p) => live && setProbe(p));
    return () => {
      live = false;
    };
  }, [probe]);
  return probe;
}

export function App() {
  const gpu = useGpuProbe();
  const mode = useAppStore((s) => s.mode);
  const Panel = MODE_PANELS[mode];
  const actions = useAppStore((s) => s.actions);
  const started = useRef(false);

  // The first head: for the design of a share link the page was opened with, else the design
  // autosaved last time (after a reload or a crash), else the example. A damaged link or an
  // unreadable autosave is reported with the reason once the head is up.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const { shared, refused } = readShareLink();
      const restored = await startRecordsWithin(RECORDS_WAIT_MS);
      const r = await records.catch(() => null);
      r?.startAutosave();
      // A shared design is not the saved design the autosave came from.
      if (shared) r?.records.detachFromSavedDesign();
      const first = shared ?? restored.design;
      if (first) await actions.openDesign(first);
      else await actions.applyMeasures(useAppStore.getState().design.head);
      // Say what is on screen instead: the design last worked on here, or the example.
      const instead = restored.design ? 'The design you last worked on here is shown instead.' : 'The example design is shown instead.';
      const problem = refused ? `${refused} ${instead}` : restored.problem;
      if (problem) actions.showError(problem);
    })();
    // The other modes' panels, once the first picture is up and the browser has a moment.
    afterFirstPicture(preloadModePanels);
  }, [actions]);

  // A link pasted into the tab already open: the same checks as on load. A refused one leaves the
  // design on screen as it is.
  useEffect(() => {
    const onHashChange = () => {
      if (!isShareLink(location.hash)) return;
      const { shared, refused } = readShareLink();
      if (refused) actions.showError(`${refused} The design on screen stays as it was.`);
      if (!shared) return;
      void records
        .then((r) => r.records.detachFromSavedDesign())
        .catch(() => undefined)
        .then(() => {
          actions.setMode('home');
          void actions.openDesign(shared);
        });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [actions]);

  return (
    <div className="app" data-mode={mode}>
      <header className="app-title">
        <h1>
          SMP <span>Studio</span>
        </h1>
      </header>
      <ModeTabs />
      <main className="stage">
        <StageViews>{gpu === null ? <ViewerPending /> : gpu.webgl2 ? <Viewer overlay={<CompareDivider />} /> : <NoWebGL />}</StageViews>
        <Timeline />
        <ViewBar />
      </main>
      <Sheet title={MODE_LABELS[mode]} alert={<ErrorAlert />}>
        <section id={panelId(mode)} role="tabpanel" aria-labelledby={tabId(mode)} data-testid={panelId(mode)} className="panel" tabIndex={0}>
          <Panel />
        </section>
        <ViewSettings />
      </Sheet>
    </div>
  );
}
