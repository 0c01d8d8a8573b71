/** The client's photos in the consultation panel: add them from files ("Add photos", several at
 * once) or the camera, give each its view, delete one (with undo). Every refused file is named with
 * the reason and what to do. Photos stay with the client's records on this device. */
import { useId, useState } from 'react';
import { useRecords } from '../state/records';
import { photos, usePhotos, type ShownPhoto } from '../state/photos';
import { prepareFaceReading } from '../state/photoFit';
import { MAX_PHOTO_BYTES, MIN_PHOTO_SHORT_SIDE_PX, PHOTO_ACCEPT } from '../storage/photoChecks';
import { PHOTO_VIEWS, PHOTO_VIEW_LABELS, type PhotoView } from '../storage/photoRecord';
import { CameraCapture, useHasCamera } from './CameraCapture';
import { UserText } from './UserText';
import { UndoBar } from './UndoBar';

export function PhotoIntake() {
  const id = useId();
  const client = useRecords((s) => s.client);
  const pending = usePhotos((s) => s.pending);
  const notes = usePhotos((s) => s.notes);
  const list = usePhotos((s) => s.photos);
  const camera = useHasCamera();
  const [cameraOpen, setCameraOpen] = useState(false);

  return (
    <div className="group photo-intake" data-testid="photo-intake">
      <h3 className="group-title">Photos of the client</h3>
      {!client ? (
        <p className="help">Open or create a client above to add their photos.</p>
      ) : (
        <>
          <div className="button-row">
            <span className="file-button">
              <input
                id={`${id}-add`}
                type="file"
                multiple
                accept={PHOTO_ACCEPT}
                className="visually-hidden"
                data-testid="add-photos"
                disabled={pending > 0}
                onClick={prepareFaceReading}
                onChange={(e) => {
                  const files = [...(e.target.files ?? [])];
                  e.target.value = '';
                  void photos.addFiles(files);
                }}
              />
              <label htmlFor={`${id}-add`} className="secondary" aria-disabled={pending > 0 || undefined}>
                Add photos
              </label>
            </span>
            {camera && (
              <button
                type="button"
                className="secondary"
                data-testid="open-camera"
                onClick={() => {
                  prepareFaceReading();
                  setCameraOpen(true);
                }}
              >
                Take a photo…
              </button>
            )}
          </div>
          <p className="help">
            Front, sides, back and top, in good light. JPEG, PNG or WebP, at least {MIN_PHOTO_SHORT_SIDE_PX} pixels on the short side, up to {MAX_PHOTO_BYTES / (1024 * 1024)} MB each.
          </p>
          {pending > 0 && (
            <p className="help" role="status" data-testid="photo-pending">
              <span className="spinner" aria-hidden="true" /> Checking {pending} photo{pending === 1 ? '' : 's'}…
            </p>
          )}
          <ul className="photo-notes" aria-live="polite" data-testid="photo-notes">
            {notes.map((n) => (
              <li key={n.id} className={n.kind === 'kept' ? 'help' : 'warning'} data-testid={`photo-${n.kind}`}>
                <UserText text={n.text} />
              </li>
            ))}
          </ul>
          {list.length > 0 && (
            <ul className="photo-list" data-testid="photo-list">
              {list.map((p, i) => (
                <PhotoItem key={p.id} photo={p} index={i + 1} />
              ))}
            </ul>
          )}
          <RemovedPhoto />
          {cameraOpen && <CameraCapture onClose={() => setCameraOpen(false)} />}
        </>
      )}
      <p className="help">Photos stay with the client’s records on this device. They are never put in share links or sent anywhere.</p>
    </div>
  );
}

function PhotoItem({ photo, index }: { photo: ShownPhoto; index: number }) {
  const id = useId();
  const name = photo.sourceName || `photo ${index}`;
  return (
    <li data-testid="photo-item" data-view={photo.view}>
      <button type="button" className="photo-item-thumb" onClick={() => photos.select(photo.id)} aria-label={`Show photo ${index} (${PHOTO_VIEW_LABELS[photo.view]})`}>
        <img src={photo.thumbUrl} width={photo.thumbWidthPx} height={photo.thumbHeightPx} alt="" />
      </button>
      <div className="photo-item-body">
        <span className="photo-item-name">
          <UserText text={name} />
        </span>
        <span className="muted">
          {photo.widthPx} × {photo.heightPx} px
        </span>
        <label htmlFor={id} className="visually-hidden">
          View of photo {index}
        </label>
        <select id={id} value={photo.view} data-testid="photo-view-select" onChange={(e) => void photos.setView(photo.id, e.target.value as PhotoView)}>
          {PHOTO_VIEWS.map((v) => (
            <option key={v} value={v}>
              {PHOTO_VIEW_LABELS[v]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="secondary small" data-testid="delete-photo" onClick={() => void photos.delete(photo.id)} aria-label={`Delete photo ${index}`}>
        Delete
      </button>
    </li>
  );
}

function RemovedPhoto() {
  const removed = usePhotos((s) => s.removed);
  if (!removed) return null;
  return <UndoBar label={removed.label} undoTestId="undo-delete-photo" onUndo={() => void photos.undoDelete()} onDismiss={photos.dismissRemoved} />;
}
