/** Saves the view on screen as a PNG at a chosen width (for a report, or to send to the client). */
import { useId, useState } from 'react';
import { snapshotPng } from '../scene/snapshot';
import { fileNameFor } from '../storage/clientFile';
import { useAppStore } from '../state/store';
import { downloadBlob } from './download';

const WIDTHS = [1280, 1920, 3840];

export function Snapshot() {
  const id = useId();
  const [width, setWidth] = useState(1920);
  const [busy, setBusy] = useState(false);
  const actions = useAppStore((s) => s.actions);
  const save = async () => {
    setBusy(true);
    try {
      const blob = await snapshotPng(width);
      downloadBlob(blob, fileNameFor(`${useAppStore.getState().design.name} ${width}px`, '.png'));
    } catch (e) {
      actions.showError(`The picture could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="select-row">
      <label htmlFor={id} className="visually-hidden">
        Picture width
      </label>
      <select id={id} data-testid="snapshot-width" value={width} onChange={(e) => setWidth(Number(e.target.value))}>
        {WIDTHS.map((w) => (
          <option key={w} value={w}>
            {w} px wide
          </option>
        ))}
      </select>
      <button type="button" className="secondary" data-testid="snapshot" disabled={busy} onClick={() => void save()}>
        Save a picture
      </button>
    </div>
  );
}
