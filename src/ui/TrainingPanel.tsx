import { useId } from 'react';
import { useAppStore } from '../state/store';

export function TrainingPanel() {
  const id = useId();
  const showLandmarks = useAppStore((s) => s.showLandmarks);
  const showRegion = useAppStore((s) => s.showRegion);
  const actions = useAppStore((s) => s.actions);
  return (
    <>
      <p className="lede">Practise on a head of the client's size. The guides mark the landmarks hairlines are placed from.</p>
      <div className="group">
        <h3 className="group-title">Distance</h3>
        <div className="button-row">
          <button type="button" className="primary" data-testid="view-working-distance" onClick={() => actions.goTo('working-distance')}>
            Working distance
          </button>
          <button type="button" className="secondary" onClick={() => actions.goTo('front')}>
            Whole head
          </button>
        </div>
        <p className="note">Working distance: the crown seen from about 18 cm, as over the client's head.</p>
      </div>
      <div className="group">
        <h3 className="group-title">Guides</h3>
        <label className="check" htmlFor={`${id}-landmarks`}>
          <input id={`${id}-landmarks`} type="checkbox" data-testid="toggle-landmarks" checked={showLandmarks} onChange={(e) => actions.setShowLandmarks(e.target.checked)} />
          Landmark guides
        </label>
        <label className="check" htmlFor={`${id}-region`}>
          <input id={`${id}-region`} type="checkbox" data-testid="toggle-region" checked={showRegion} onChange={(e) => actions.setShowRegion(e.target.checked)} />
          Hair-bearing region (the chart dots are baked into)
        </label>
      </div>
    </>
  );
}
