import { useRef, useState, type KeyboardEvent } from 'react';
import { MODES, useAppStore, type Mode } from '../state/store';
import { MODE_PANELS } from './modePanels';

export const MODE_LABELS: Record<Mode, string> = {
  consultation: 'Consultation',
  home: 'Try at home',
  training: 'Training',
};

const ICONS: Record<Mode, string> = { consultation: '◐', home: '⌂', training: '✎' };

export const tabId = (mode: Mode) => `tab-${mode}`;
export const panelId = (mode: Mode) => `panel-${mode}`;

/** The three modes as ARIA tabs; arrow keys, Home and End move between them. */
export function ModeTabs() {
  const mode = useAppStore((s) => s.mode);
  const actions = useAppStore((s) => s.actions);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  /** The mode last asked for, while its panel's code is on its way (lazyPanel.tsx): the mode
   * changes once the panel can be shown whole, and only to the last tab pressed. */
  const [opening, setOpening] = useState<Mode | null>(null);
  const asked = useRef<Mode | null>(null);

  const open = (next: Mode) => {
    asked.current = next;
    setOpening(next);
    const show = () => {
      if (asked.current !== next) return;
      asked.current = null;
      setOpening(null);
      actions.setMode(next);
    };
    // A panel that cannot be fetched says so itself, once shown.
    void MODE_PANELS[next].preload().then(show, show);
  };

  const select = (next: Mode) => {
    open(next);
    buttons.current[next]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent, from: Mode) => {
    const i = MODES.indexOf(from);
    const to: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: MODES.length - 1 };
    if (!(e.key in to)) return;
    e.preventDefault();
    select(MODES[(to[e.key] + MODES.length) % MODES.length]);
  };

  return (
    // A navigation landmark holding the tab list (a nav given the tablist role is no landmark).
    <nav className="mode-tabs" aria-label="Modes">
      <div className="mode-tablist" role="tablist" aria-label="Mode">
        {MODES.map((m) => (
          <button
            key={m}
            ref={(el) => void (buttons.current[m] = el)}
            id={tabId(m)}
            type="button"
            role="tab"
            data-testid={`mode-${m}`}
            aria-selected={mode === m}
            aria-controls={panelId(m)}
            tabIndex={mode === m ? 0 : -1}
            aria-busy={opening === m || undefined}
            onClick={() => open(m)}
            onKeyDown={(e) => onKeyDown(e, m)}
          >
            <span className="tab-icon" aria-hidden="true">
              {ICONS[m]}
            </span>
            <span className="tab-label">{MODE_LABELS[m]}</span>
          </button>
        ))}
      </div>
    </nav>
  );
}
