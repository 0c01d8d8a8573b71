/** Two designs side by side, from the same side at the same year: each is drawn in turn and
 * pictured, then the design on screen comes back. The pair can be saved as one PNG. */
import { useEffect, useId, useState } from 'react';
import type { Design } from '../model';
import { captureDesigns } from '../scene/captureViews';
import { CAMERA_PRESETS, useAppStore, type CameraPreset } from '../state/store';
import { MARKERS } from './Timeline';
import { downloadBlob } from './download';
import { UserText } from './UserText';

export interface DesignOption {
  id: string;
  label: string;
  design: Design;
}

/** The whole view's width; the square kept of it is about 600 px. */
const WIDTH_PX = 960;
/** As in the report: the head fills the square. */
const ZOOM = 0.72;

export function CompareDesigns({ options }: { options: DesignOption[] }) {
  const id = useId();
  const actions = useAppStore((s) => s.actions);
  const [a, setA] = useState(options[0]?.id ?? '');
  const [b, setB] = useState(options[1]?.id ?? '');
  const [view, setView] = useState<CameraPreset>('front');
  const [years, setYears] = useState(MARKERS[1].years);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ urls: string[]; labels: string[]; blobs: Blob[] } | null>(null);

  useEffect(() => () => result?.urls.forEach((u) => URL.revokeObjectURL(u)), [result]);
  const find = (key: string) => options.find((o) => o.id === key);

  const run = async () => {
    const left = find(a);
    const right = find(b);
    if (!left || !right) return;
    setBusy(true);
    try {
      const pngs = await captureDesigns([left.design, right.design], { view, years }, WIDTH_PX, { zoom: ZOOM, aspect: 1 });
      const blobs = pngs.map((p) => new Blob([p as BlobPart], { type: 'image/png' }));
      setResult({ urls: blobs.map((x) => URL.createObjectURL(x)), labels: [left.label, right.label], blobs });
    } catch (e) {
      actions.showError(`The designs could not be compared: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const savePair = async () => {
    if (!result) return;
    const images = await Promise.all(result.blobs.map((x) => createImageBitmap(x)));
    const caption = 36;
    const canvas = document.createElement('canvas');
    canvas.width = images.reduce((w, im) => w + im.width, 0);
    canvas.height = Math.max(...images.map((im) => im.height)) + caption;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#1d2430';
    ctx.font = '600 18px system-ui, sans-serif';
    let x = 0;
    images.forEach((im, k) => {
      ctx.drawImage(im, x, 0);
      ctx.fillText(result.labels[k], x + 12, im.height + 24, im.width - 24);
      x += im.width;
    });
    canvas.toBlob((blob) => blob && downloadBlob(blob, 'designs side by side.png'), 'image/png');
  };

  if (options.length < 2) return <p className="help">Save a second design to compare two side by side.</p>;
  const yearLabel = MARKERS.find((m) => m.years === years)?.label ?? `${years} y`;
  return (
    <div className="compare-designs" data-testid="compare-designs">
      <DesignSelect id={`${id}-a`} label="Left" testId="compare-a" options={options} value={a} onChange={setA} />
      <DesignSelect id={`${id}-b`} label="Right" testId="compare-b" options={options} value={b} onChange={setB} />
      <div className="field">
        <label htmlFor={`${id}-view`}>From, and when</label>
        <div className="select-row">
          <select id={`${id}-view`} data-testid="compare-view" value={view} onChange={(e) => setView(e.target.value as CameraPreset)}>
            {CAMERA_PRESETS.map((v) => (
              <option key={v} value={v}>
                {v[0].toUpperCase() + v.slice(1)}
              </option>
            ))}
          </select>
          <select aria-label="Year" value={years} onChange={(e) => setYears(Number(e.target.value))}>
            {MARKERS.map((m) => (
              <option key={m.years} value={m.years}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="button" className="secondary" data-testid="compare-designs-run" disabled={busy || a === b || !find(a) || !find(b)} onClick={() => void run()}>
        {busy ? 'Drawing both designs…' : 'Show side by side'}
      </button>
      {a === b && <p className="help">Choose two different designs.</p>}
      {result && (
        <figure className="side-by-side" data-testid="side-by-side">
          {result.urls.map((u, k) => (
            <div key={u}>
              <img src={u} alt={`${result.labels[k]}, ${view} view, ${yearLabel}`} />
              <figcaption>
                <UserText text={result.labels[k]} />
              </figcaption>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => void savePair()}>
            Save this pair as a picture
          </button>
        </figure>
      )}
    </div>
  );
}

function DesignSelect({ id, label, testId, options, value, onChange }: { id: string; label: string; testId: string; options: DesignOption[]; value: string; onChange(id: string): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
