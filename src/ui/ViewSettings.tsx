import { useId, useState } from 'react';
import { lazyPanel } from './lazyPanel';

/** leva comes with its panel, the first time the settings are opened. */
const ViewSettingsLeva = lazyPanel('the view settings', () => import('./ViewSettingsLeva').then((m) => m.ViewSettingsLeva));

/** Viewing parameters (guides, lighting, exposure) in a leva panel; the store stays the source of truth. */
export function ViewSettings() {
  const id = useId();
  const [open, setOpen] = useState(false);
  /** Mounted from the first opening on, then only hidden, so leva keeps its state. */
  const [opened, setOpened] = useState(false);

  return (
    <section className="view-settings" aria-label="View settings">
      <button
        type="button"
        className="disclosure"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          setOpen((o) => !o);
          setOpened(true);
        }}
      >
        <span>View settings</span>
        <span className="muted">guides, lighting</span>
        <span aria-hidden="true" className="chevron">
          {open ? '▾' : '▸'}
        </span>
      </button>
      <div id={id} hidden={!open}>
        {opened && <ViewSettingsLeva />}
      </div>
    </section>
  );
}
