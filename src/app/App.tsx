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
      let refused: string | null = null;
      let shared: Design | null = null;
      if (isShareLink(location.hash)) {
        try {
          shared = decodeShareLink(location.hash);
          // The link is consumed: a reload shows what is on screen, and the design is not left in the address bar.
          history.replaceState(null, '', `${location.pathname}${location.search}#home`);
        } catch (e) {
          refused = `This link cannot be opened: ${e instanceof Error ? e.message : String(e)} The example design is shown instead.`;
        }
      }
      const restored = await startRecordsWithin(RECORDS_WAIT_MS);
      startAutosave();
      // A shared design is not the saved design the autosave came from.
      if (shared) useRecords.setState({ designId: null });
      const first = shared ?? restored.design;
      if (first) await actions.openDesign(first);
      else await actions.applyMeasures(useAppStore.getState().design.head);
      const problem = refused ?? restored.problem;
      if (problem) actions.showError(problem);
    })();
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
