/** Try at home: the client keeps the looks they like on their own phone, to come back to or to
 * send to the clinic. */
import { useId, useState } from 'react';
import { useAppStore } from '../state/store';
import { records, useRecords } from '../state/records';
import { UserText } from './UserText';

export function Favourites() {
  const id = useId();
  const status = useRecords((s) => s.status);
  const problem = useRecords((s) => s.problem);
  const favourites = useRecords((s) => s.favourites);
  const removed = useRecords((s) => s.removed);
  const [name, setName] = useState('');
  const fallback = `Favourite ${favourites.length + 1}`;
  return (
    <div className="group home-favourites" data-testid="favourites">
      <h3 className="group-title">My favourites</h3>
      {problem && (
        <p className="warning" role="alert">
          {problem}
        </p>
      )}
      {status !== 'unavailable' && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void records.addFavourite(name.trim() || fallback).then(() => setName(''));
          }}
        >
          <label htmlFor={id} className="visually-hidden">
            Name of this favourite
          </label>
          <input id={id} data-testid="favourite-name" maxLength={120} placeholder={fallback} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="primary big" data-testid="add-favourite">
            Keep this look
          </button>
        </form>
      )}
      <ul className="record-list" data-testid="favourite-list">
        {favourites.map((f) => (
          <li key={f.id} data-testid="favourite-item">
            <button type="button" className="link-button big" onClick={() => void useAppStore.getState().actions.openDesign(f.design)}>
              <span className="record-name">
                <UserText text={f.name} />
              </span>
            </button>
            <button type="button" className="secondary" onClick={() => void records.deleteFavourite(f.id)} aria-label={`Delete ${f.name}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      {removed && (
        <div className="undo-bar" role="status">
          <span>
            <UserText text={removed.label} />
          </span>
          <button type="button" className="secondary" onClick={() => void records.undoRemove()}>
            Undo
          </button>
        </div>
      )}
      <p className="help">Favourites stay on this phone.</p>
    </div>
  );
}
