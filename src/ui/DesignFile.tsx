import { useRef } from 'react';
import { useAppStore } from '../state/store';
import { records } from '../state/records';
import { checkStudioFileSize, exportDesignFile, fileNameFor, parseStudioFile } from '../storage/clientFile';
import { downloadBlob } from './download';
import { ShareLink } from './ShareLink';
import { Snapshot } from './Snapshot';

/** Open and save a design, or open a whole client record, as a JSON file on the device only. A
 * broken file is refused with the reason and changes nothing, on screen or stored. */
export function DesignFile() {
  const input = useRef<HTMLInputElement>(null);
  const actions = useAppStore((s) => s.actions);

  const open = async (file: File) => {
    let text: string;
    try {
      checkStudioFileSize(file.size);
      text = await file.text();
    } catch (e) {
      actions.showError(`The file “${file.name}” could not be read${e instanceof Error && e.message ? `: ${e.message}` : '.'}`);
      return;
    }
    let parsed: ReturnType<typeof parseStudioFile>;
    try {
      parsed = parseStudioFile(text);
    } catch (e) {
      actions.showError(`This file cannot be used: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (parsed.kind === 'design') {
      await actions.openDesign(parsed.design);
      return;
    }
    const client = await records.importClient(parsed);
    const first = parsed.designs[0];
    if (client && first) await actions.openDesign(first.design);
  };

  const save = () => {
    const design = useAppStore.getState().design;
    downloadBlob(new Blob([exportDesignFile(design)], { type: 'application/json' }), fileNameFor(design.name, '.smp.json'));
  };

  return (
    <div className="group">
      <h3 className="group-title">Files, pictures and links</h3>
      <div className="button-row">
        <button type="button" className="secondary" data-testid="open-file" onClick={() => input.current?.click()}>
          Open a design or client file…
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
        aria-label="Design or client file to open"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
    </div>
  );
}
