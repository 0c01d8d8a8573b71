/** Takes the client's photo with the device's camera (a phone or tablet): the rear camera first, the
 * front one for a selfie. The camera is on only while this dialog is open: closing it stops every
 * track. A frame taken goes to the photo worker as it is; nothing is decoded here. */
import { useEffect, useId, useRef, useState } from 'react';
import { photos } from '../state/photos';

type Facing = 'environment' | 'user';

/** True once the device is known to have a camera (the labels stay hidden until it is used). */
export function useHasCamera(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    let live = true;
    const devices = navigator.mediaDevices;
    if (!devices?.getUserMedia || !devices.enumerateDevices) return;
    devices.enumerateDevices().then(
      (list) => live && setHas(list.some((d) => d.kind === 'videoinput')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return has;
}

function cameraProblem(e: unknown): string {
  const name = e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'The camera may not be used: allow it for this site in the browser’s settings (or add photos from files instead).';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found on this device. Add photos from files instead.';
  if (name === 'NotReadableError') return 'The camera is in use by another app. Close it, then try again.';
  return `The camera could not be started (${e instanceof Error ? e.message : String(e)}).`;
}

const stop = (stream: MediaStream) => stream.getTracks().forEach((t) => t.stop());

export function CameraCapture({ onClose }: { onClose(): void }) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [facing, setFacing] = useState<Facing>('environment');
  const [status, setStatus] = useState<'starting' | 'live' | 'error'>('starting');
  const [problem, setProblem] = useState<string | null>(null);
  const [taken, setTaken] = useState(0);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    let stream: MediaStream | null = null;
    setStatus('starting');
    setProblem(null);
    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: facing }, width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false }).then(
      (s) => {
        if (!live) return stop(s);
        stream = s;
        const v = video.current;
        if (!v) return;
        v.srcObject = s;
        v.play().then(
          () => live && setStatus('live'),
          (e: unknown) => live && (setStatus('error'), setProblem(cameraProblem(e))),
        );
      },
      (e: unknown) => {
        if (!live) return;
        setStatus('error');
        setProblem(cameraProblem(e));
      },
    );
    const v = video.current;
    return () => {
      live = false;
      if (stream) stop(stream);
      if (v) v.srcObject = null;
    };
  }, [facing]);

  const take = async () => {
    const v = video.current;
    if (!v || status !== 'live' || v.videoWidth === 0) return;
    // A copy of the current frame (no decode); the worker scales and encodes it.
    const frame = await createImageBitmap(v);
    setTaken((n) => n + 1);
    void photos.addFrame(frame);
  };

  return (
    <dialog
      ref={dialog}
      className="camera-dialog"
      aria-labelledby={titleId}
      data-testid="camera"
      data-status={status}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>Take a photo</h2>
      <div className="camera-frame">
        {/* The front camera's preview is mirrored, as a mirror is; the photo taken is not. */}
        <video ref={video} playsInline muted data-facing={facing} aria-label={facing === 'user' ? 'Front camera' : 'Rear camera'} />
        {status === 'starting' && (
          <div className="viewer-note" aria-hidden="true">
            <span className="spinner" /> Starting the camera…
          </div>
        )}
      </div>
      {problem && (
        <p className="warning" role="alert">
          {problem}
        </p>
      )}
      <p className="help" role="status">
        {taken ? `${taken} photo${taken === 1 ? '' : 's'} taken; each is added to the client's photos.` : 'Frame the head: front, sides, back or top.'}
      </p>
      <div className="button-row">
        <button type="button" className="primary" data-testid="camera-take" disabled={status !== 'live'} onClick={() => void take()}>
          Take photo
        </button>
        <button type="button" className="secondary" data-testid="camera-switch" onClick={() => setFacing((f) => (f === 'environment' ? 'user' : 'environment'))}>
          {facing === 'environment' ? 'Use the front camera (selfie)' : 'Use the rear camera'}
        </button>
        <button type="button" className="secondary" data-testid="camera-close" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
