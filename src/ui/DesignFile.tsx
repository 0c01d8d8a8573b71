import { useRef } from 'react';
import { DesignError, parseDesign } from '../model';
import { useAppStore } from '../state/store';
import { ShareLink } from './ShareLink';
import { Snapshot } from './Snapshot';

/** Open and save the design as a JSON file, on the device only. A broken file is refused
 * with the reason and changes nothing. */
export function DesignFile() {
  const input = useRef<HTMLInputElement>(null);
  const actions = useAppStore((s) => s.actions);

  const open = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch {
      actions.showError(`The file "${file.name}" could not be read.`);
      return;
    }
    try {
      await actions.openDesign(parseDesign(text));
    } catch (e) {
      const reason = e instanceof DesignError ? e.message : String(e);
      actions.showError(`This design file cannot be used: ${reason}`);
    }
  };

  const save = () => {
    const design = useAppStore.getState().design;
    const blob = new Blob([JSON.stringify(design, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${design.name.replace(/[^\w\- ]+/g, '').trim() || 'design'}.smp.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="group">
      <h3 className="group-title">Design file, picture and link</h3>
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => input.current?.click()}>
          Open design file…
        </button>
        <button type="button" className="secondary" data-testid="save-design" onClick={save}>
          Save design file
        </button>
      </div>
      <Snapshot />
      <ShareLink label="Make a link for the client" help="Send it to the client: it opens in Try at home on their phone." />
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        data-testid="open-design"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Design file to open"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
    </div>
  );
}
