import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Viewer } from '../scene/Viewer';
import { useAppStore, type Mode } from '../state/store';
import { ConsultationPanel } from '../ui/ConsultationPanel';
import { ErrorAlert } from '../ui/ErrorAlert';
import { HomePanel } from '../ui/HomePanel';
import { MODE_LABELS, ModeTabs, panelId, tabId } from '../ui/ModeTabs';
import { TrainingPanel } from '../ui/TrainingPanel';
import { ViewBar } from '../ui/ViewBar';
import { Timeline } from '../ui/Timeline';
import { ViewSettings } from '../ui/ViewSettings';
import { NoWebGL } from './NoWebGL';
import { hasWebGL2 } from './webgl';
import { decodeShareLink, isShareLink } from '../storage/shareLink';

const PANELS: Record<Mode, () => ReactNode> = {
  consultation: () => <ConsultationPanel />,
  home: () => <HomePanel />,
  training: () => <TrainingPanel />,
};

export function App() {
  const [webgl] = useState(hasWebGL2);
  const mode = useAppStore((s) => s.mode);
  const actions = useAppStore((s) => s.actions);
  const [sheetOpen, setSheetOpen] = useState(true);
  const started = useRef(false);

  // The first head: for the design of a share link the page was opened with, or the default one.
  // A damaged link is refused with the reason, and the default design is shown.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    let refused: string | null = null;
    if (isShareLink(location.hash)) {
      try {
        const shared = decodeShareLink(location.hash);
        // The link is consumed: a reload shows what is on screen, and the design is not left in the address bar.
        history.replaceState(null, '', `${location.pathname}${location.search}#home`);
        void actions.openDesign(shared);
        return;
      } catch (e) {
        refused = `This link cannot be opened: ${e instanceof Error ? e.message : String(e)} The example design is shown instead.`;
      }
    }
    // Said once the head is up (a new head clears older messages).
    void actions.applyMeasures(useAppStore.getState().design.head).then(() => {
      if (refused) actions.showError(refused);
    });
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
      <aside className={sheetOpen ? 'sheet' : 'sheet sheet-closed'} aria-label={`${MODE_LABELS[mode]} panel`}>
        <div className="sheet-head">
          <h2>{MODE_LABELS[mode]}</h2>
          <button
            type="button"
            className="sheet-toggle"
            aria-expanded={sheetOpen}
            aria-controls="sheet-body"
            onClick={() => setSheetOpen((o) => !o)}
          >
            {sheetOpen ? 'Hide' : 'Show'}
            <span className="visually-hidden"> the panel</span>
          </button>
        </div>
        <ErrorAlert />
        <div id="sheet-body" className="sheet-body">
          <section id={panelId(mode)} role="tabpanel" aria-labelledby={tabId(mode)} data-testid={panelId(mode)} className="panel" tabIndex={0}>
            {PANELS[mode]()}
          </section>
          <ViewSettings />
        </div>
      </aside>
    </div>
  );
}
