import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Viewer } from '../scene/Viewer';
import { useAppStore, type Mode } from '../state/store';
import { ConsultationPanel } from '../ui/ConsultationPanel';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Sheet } from '../ui/Sheet';
import { HomePanel } from '../ui/HomePanel';
import { MODE_LABELS, ModeTabs, panelId, tabId } from '../ui/ModeTabs';
import { TrainingPanel } from '../ui/TrainingPanel';
import { ViewBar } from '../ui/ViewBar';
import { Timeline } from '../ui/Timeline';
import { ViewSettings } from '../ui/ViewSettings';
import { NoWebGL } from './NoWebGL';
import { hasWebGL2 } from './webgl';
import { decodeShareLink, isShareLink } from '../storage/shareLink';
import type { Design } from '../model';
import { startAutosave, startRecords, useRecords } from '../state/records';

/** Storage that does not answer (a blocked upgrade) must not hold up the first head. */
const RECORDS_WAIT_MS = 3000;

function startRecordsWithin(ms: number): ReturnType<typeof startRecords> {
  const none = { design: null, problem: null, savedAt: null };
  return Promise.race([startRecords(), new Promise<typeof none>((r) => setTimeout(() => r(none), ms))]);
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

const PANELS: Record<Mode, () => ReactNode> = {
  consultation: () => <ConsultationPanel />,
  home: () => <HomePanel />,
  training: () => <TrainingPanel />,
};

export function App() {
  const [webgl] = useState(hasWebGL2);
  const mode = useAppStore((s) => s.mode);
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
      startAutosave();
      // A shared design is not the saved design the autosave came from.
      if (shared) useRecords.setState({ designId: null });
      const first = shared ?? restored.design;
      if (first) await actions.openDesign(first);
      else await actions.applyMeasures(useAppStore.getState().design.head);
      // Say what is on screen instead: the design last worked on here, or the example.
      const instead = restored.design ? 'The design you last worked on here is shown instead.' : 'The example design is shown instead.';
      const problem = refused ? `${refused} ${instead}` : restored.problem;
      if (problem) actions.showError(problem);
    })();
  }, [actions]);

  // A link pasted into the tab already open: the same checks as on load. A refused one leaves the
  // design on screen as it is.
  useEffect(() => {
    const onHashChange = () => {
      if (!isShareLink(location.hash)) return;
      const { shared, refused } = readShareLink();
      if (refused) actions.showError(`${refused} The design on screen stays as it was.`);
      if (!shared) return;
      useRecords.setState({ designId: null });
      actions.setMode('home');
      void actions.openDesign(shared);
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
        {webgl ? <Viewer /> : <NoWebGL />}
        <Timeline />
        <ViewBar />
      </main>
      <Sheet title={MODE_LABELS[mode]} alert={<ErrorAlert />}>
        <section id={panelId(mode)} role="tabpanel" aria-labelledby={tabId(mode)} data-testid={panelId(mode)} className="panel" tabIndex={0}>
          {PANELS[mode]()}
        </section>
        <ViewSettings />
      </Sheet>
    </div>
  );
}
