/** A link that carries the design in its fragment (never sent to a server): the clinic makes one
 * for the client, who opens it on a phone in Try at home, and can send one back. */
import { useId, useState } from 'react';
import { encodeShareLink } from '../storage/shareLink';
import { useAppStore } from '../state/store';

export function ShareLink({ label, help }: { label: string; help: string }) {
  const id = useId();
  const actions = useAppStore((s) => s.actions);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const make = () => {
    try {
      const url = `${location.origin}${location.pathname}${location.search}${encodeShareLink(useAppStore.getState().design)}`;
      setLink(url);
      setCopied(false);
      navigator.clipboard?.writeText(url).then(
        () => setCopied(true),
        () => setCopied(false),
      );
    } catch (e) {
      actions.showError(`No link could be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="field share-link">
      <button type="button" className="secondary" data-testid="make-share-link" onClick={make}>
        {label}
      </button>
      {link && (
        <>
          <label htmlFor={id} className="visually-hidden">
            The link
          </label>
          <input id={id} readOnly data-testid="share-link" value={link} onFocus={(e) => e.currentTarget.select()} />
          <small className="help" role="status">
            {copied ? 'Copied. ' : ''}
            {help} {link.length.toLocaleString('en')} characters; the design travels in the link itself and is never sent to a server.
          </small>
        </>
      )}
    </div>
  );
}
