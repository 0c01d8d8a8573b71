/** Aftercare made personal: each rule with what the fading simulation says it is worth for this
 * client (their habits, skin and design), from the plans of the variant scenarios the fade worker
 * makes alongside the client's own. */
import { useMemo } from 'react';
import { aftercareAdvice, type AftercareItem } from '../model';
import { PLAN_HORIZON_YEARS, useAppStore } from '../state/store';

/** The items, or null while the plans are being made. */
export function useAftercare(): AftercareItem[] | null {
  const fade = useAppStore((s) => s.design.fade);
  const plans = useAppStore((s) => s.fadePlans);
  return useMemo(() => (plans.own && plans.aftercare ? aftercareAdvice(fade, { base: plans.own, ...plans.aftercare }, PLAN_HORIZON_YEARS) : null), [fade, plans]);
}

const FOLLOWED: Record<string, string> = { true: 'You do this', false: 'Not yet', null: '' };

export function AftercarePanel({ compact = false }: { compact?: boolean }) {
  const items = useAftercare();
  return (
    <div className="group aftercare" data-testid="aftercare">
      <h3 className="group-title">Aftercare, and what it is worth for {compact ? 'you' : 'this client'}</h3>
      {!items ? (
        <p className="muted">Working out what each rule is worth…</p>
      ) : (
        <>
          {(['healing', 'long-term'] as const).map((when) => (
            <section key={when}>
              <h4>{when === 'healing' ? 'While healing (the first weeks)' : 'Once healed, for years'}</h4>
              <ul className="aftercare-list">
                {items
                  .filter((i) => i.when === when)
                  .map((i) => (
                    <li key={i.id} data-testid={`aftercare-${i.id}`}>
                      <strong>{i.title}</strong>
                      {!compact && i.followed !== null && <span className={i.followed ? 'tag ok' : 'tag'}>{FOLLOWED[String(i.followed)]}</span>}
                      <p>{i.advice}</p>
                      <p className="aftercare-worth">{i.worth}</p>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
          <p className="help">Figures from the fading simulation for the habits set under “Over the years”; an estimate, not a promise.</p>
        </>
      )}
    </div>
  );
}
