/** The clinic's client records on this device: find or create a client, keep any number of
 * designs for them, open, rename, copy and delete (with undo), export a client to a file.
 * Names and notes are shown as text, whatever they contain. */
import { useId, useState } from 'react';
import { localDay, stripBidiControls } from '../model';
import { useAppStore } from '../state/store';
import { records, useRecords } from '../state/records';
import { exportClientFile, fileNameFor } from '../storage/clientFile';
import { photosFileBytes, photosForFile, usePhotos } from '../state/photos';
import { CompareDesigns, type DesignOption } from './CompareDesigns';
import { downloadBlob } from './download';
import { UserText } from './UserText';
import { UndoBar } from './UndoBar';

const NO_PHOTOS: never[] = [];
const megabytes = (bytes: number) => Math.max(0.1, Math.round(bytes / 104857.6) / 10).toFixed(1);
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ClientRecords() {
  const status = useRecords((s) => s.status);
  const problem = useRecords((s) => s.problem);
  const client = useRecords((s) => s.client);
  return (
    <div className="group" data-testid="client-records" data-status={status}>
      <h3 className="group-title">Client</h3>
      {problem && (
        <p className="warning" role="alert" data-testid="records-problem">
          {problem}
        </p>
      )}
      {status === 'unavailable' ? <p className="help">The design on screen is kept, and it can still be saved to a file below.</p> : client ? <OpenClient /> : <ClientList />}
      <Removed />
      <p className="help">Client records stay in this browser on this device; nothing is sent anywhere.</p>
      <AutosaveNote />
    </div>
  );
}

function AutosaveNote() {
  const savedAt = useRecords((s) => s.savedAt);
  return savedAt ? (
    <p className="help" data-testid="autosaved">
      The design on screen is saved as you work (last at {when(savedAt)}).
    </p>
  ) : null;
}

function Removed() {
  const removed = useRecords((s) => s.removed);
  if (!removed) return null;
  return <UndoBar label={removed.label} undoTestId="undo-delete" onUndo={() => void records.undoRemove()} onDismiss={records.dismissRemoved} />;
}

function ClientList() {
  const id = useId();
  const clients = useRecords((s) => s.clients);
  const query = useRecords((s) => s.query);
  const [name, setName] = useState('');
  const [date, setDate] = useState(() => localDay());
  const [notes, setNotes] = useState('');
  const create = async () => {
    if (!name.trim()) return;
    const made = await records.createClient({ name: name.trim(), consultationDate: date, notes });
    if (made) {
      setName('');
      setNotes('');
    }
  };
  return (
    <>
      <label htmlFor={`${id}-search`} className="visually-hidden">
        Find a client
      </label>
      <input id={`${id}-search`} type="search" data-testid="client-search" placeholder="Find a client by name or notes" value={query} onChange={(e) => void records.search(e.target.value)} />
      <ul className="record-list" data-testid="client-list">
        {clients.map((c) => (
          <li key={c.id} data-testid="client-item">
            <button type="button" className="link-button" onClick={() => void records.openClient(c.id)}>
              <span className="record-name">
                <UserText text={c.name} />
              </span>
            </button>
            <span className="muted">
              {c.consultationDate} · {c.designCount} design{c.designCount === 1 ? '' : 's'}
            </span>
            <span className="record-actions">
              <button type="button" className="secondary small" onClick={() => void records.duplicateClient(c.id)} aria-label={`Copy client ${c.name}`}>
                Copy
              </button>
              <button type="button" className="secondary small" onClick={() => void records.deleteClient(c.id)} aria-label={`Delete client ${c.name}`}>
                Delete
              </button>
            </span>
          </li>
        ))}
        {clients.length === 0 && <li className="muted">{query ? 'No client matches.' : 'No clients yet.'}</li>}
      </ul>
      <form
        className="new-client"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h4>New client</h4>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} data-testid="new-client-name" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>Consultation date</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-notes`}>Notes</label>
          <textarea id={`${id}-notes`} rows={2} maxLength={5000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <button type="submit" className="primary" data-testid="create-client" disabled={!name.trim()}>
          Create client
        </button>
        <p className="help">The client takes the head, skin, hair and pattern on screen.</p>
      </form>
    </>
  );
}

function OpenClient() {
  const id = useId();
  const client = useRecords((s) => s.client)!;
  const designs = useRecords((s) => s.designs);
  const skipped = useRecords((s) => s.skipped);
  const designId = useRecords((s) => s.designId);
  const design = useAppStore((s) => s.design);
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [details, setDetails] = useState<{ name: string; notes: string; consultationDate: string } | null>(null);
  const clientPhotos = usePhotos((s) => (s.clientId === client.id ? s.photos : NO_PHOTOS));
  const [withPhotos, setWithPhotos] = useState(false);
  const open = designs.find((d) => d.id === designId);
  const unsaved = open ? JSON.stringify({ ...design, name: open.name }) !== JSON.stringify(open.design) : false;

  const exportClient = async () => {
    const photos = withPhotos && clientPhotos.length ? await photosForFile(client.id) : [];
    const text = exportClientFile(client, designs, { photos });
    downloadBlob(new Blob([text], { type: 'application/json' }), fileNameFor(client.name, '.smp-client.json'));
  };
  const options: DesignOption[] = [{ id: 'screen', label: 'The design on screen', design }, ...designs.map((d) => ({ id: d.id, label: stripBidiControls(d.name), design: d.design }))];

  return (
    <div data-testid="open-client">
      <div className="record-head">
        <h4 className="record-name" data-testid="client-name">
          <UserText text={client.name} />
        </h4>
        <button type="button" className="secondary small" data-testid="close-client" onClick={records.closeClient}>
          All clients
        </button>
      </div>
      <p className="muted">
        Consultation {client.consultationDate}
        {client.notes && (
          <>
            {' · '}
            <UserText text={client.notes} />
          </>
        )}
      </p>
      {details ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void records.updateClient(details).then(() => setDetails(null));
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-cname`}>Name</label>
            <input id={`${id}-cname`} maxLength={120} value={details.name} onChange={(e) => setDetails({ ...details, name: e.target.value })} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-cdate`}>Consultation date</label>
            <input id={`${id}-cdate`} type="date" value={details.consultationDate} onChange={(e) => setDetails({ ...details, consultationDate: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-cnotes`}>Notes</label>
            <textarea id={`${id}-cnotes`} rows={3} maxLength={5000} value={details.notes} onChange={(e) => setDetails({ ...details, notes: e.target.value })} />
          </div>
          <div className="button-row">
            <button type="submit" className="primary">
              Save details
            </button>
            <button type="button" className="secondary" onClick={() => setDetails(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="secondary small" onClick={() => setDetails({ name: client.name, notes: client.notes, consultationDate: client.consultationDate })}>
          Edit details
        </button>
      )}

      <h4>Designs</h4>
      <ul className="record-list" data-testid="design-list">
        {designs.map((d) => (
          <li key={d.id} data-testid="design-item" aria-current={d.id === designId || undefined}>
            {renaming?.id === d.id ? (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void records.renameDesign(d.id, renaming.name).then(() => setRenaming(null));
                }}
              >
                <input aria-label="New name" data-testid="rename-input" maxLength={120} value={renaming.name} onChange={(e) => setRenaming({ id: d.id, name: e.target.value })} required autoFocus />
                <button type="submit" className="primary small">
                  Rename
                </button>
              </form>
            ) : (
              <button type="button" className="link-button" data-testid="open-saved-design" onClick={() => void records.openDesign(d.id)}>
                <span className="record-name">
                  <UserText text={d.name} />
                </span>
              </button>
            )}
            <span className="muted">
              {d.id === designId ? (unsaved ? 'on screen, changed · ' : 'on screen · ') : ''}
              {when(d.updatedAt)}
            </span>
            <span className="record-actions">
              <button type="button" className="secondary small" onClick={() => setRenaming({ id: d.id, name: d.name })} aria-label={`Rename ${d.name}`}>
                Rename
              </button>
              <button type="button" className="secondary small" onClick={() => void records.duplicateDesign(d.id)} aria-label={`Copy ${d.name}`}>
                Copy
              </button>
              <button type="button" className="secondary small" onClick={() => void records.deleteDesign(d.id)} aria-label={`Delete ${d.name}`}>
                Delete
              </button>
            </span>
          </li>
        ))}
        {designs.length === 0 && <li className="muted">No designs saved for this client yet.</li>}
      </ul>
      {skipped.map((s) => (
        <p key={s.id} className="warning">
          The saved design “<UserText text={s.name} />” cannot be opened: {s.reason}
        </p>
      ))}
      {open && unsaved && (
        <button type="button" className="primary" data-testid="save-changes" onClick={() => void records.saveDesign()}>
          Save changes to “<UserText text={open.name} />”
        </button>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newName.trim()) return;
          void records.saveDesignAs(newName.trim()).then(() => setNewName(''));
        }}
      >
        <label htmlFor={`${id}-save-as`} className="visually-hidden">
          Name of the new design
        </label>
        <input id={`${id}-save-as`} data-testid="save-as-name" maxLength={120} placeholder="Name, e.g. Soft hairline" value={newName} onChange={(e) => setNewName(e.target.value)} />
        <button type="submit" className="primary" data-testid="save-as" disabled={!newName.trim()}>
          Save as new
        </button>
      </form>
      {clientPhotos.length > 0 && (
        <label className="check" data-testid="export-photos">
          <input type="checkbox" checked={withPhotos} onChange={(e) => setWithPhotos(e.target.checked)} />
          Include photos ({megabytes(photosFileBytes(clientPhotos))} MB)
        </label>
      )}
      <div className="button-row">
        <button type="button" className="secondary" data-testid="export-client" onClick={() => void exportClient()}>
          Save client to a file
        </button>
      </div>
      {withPhotos && clientPhotos.length > 0 && <p className="help">The file will hold the client’s photos: keep it as private as the photos themselves.</p>}
      <details className="how">
        <summary>Compare two designs side by side</summary>
        <CompareDesigns options={options} />
      </details>
    </div>
  );
}
