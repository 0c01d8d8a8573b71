import { labToHex, nearestShade, type Design, type PigmentTone, type ShadeMatch as Match, type ShadeResult } from '../model';

/** The whole ladder of the tone on this skin, with the recommended shade and the shades the sessions use. */
export function Ladder({ match, layers, tone }: { match: Match; layers: Design['layers']; tone: PigmentTone }) {
  const inUse = new Map<string, number[]>();
  layers.forEach((l, i) => {
    const s = nearestShade(l.shade, tone);
    inUse.set(s.id, [...(inUse.get(s.id) ?? []), i + 1]);
  });
  return (
    <table className="sm-ladder" data-testid="shade-ladder">
      <caption className="sm-ladder-caption">
        The {tone} ladder on this skin, lightest first: ★ recommended, <span className="sm-tag">S1</span> shade the sessions now use (nearest on the ladder).
      </caption>
      <thead>
        <tr>
          <th scope="col">Shade</th>
          <th scope="col" className="num">
            ΔE00
          </th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {match.shades.map((r: ShadeResult) => {
          const recommended = r.shade.id === match.recommended.shade.id;
          const sessions = inUse.get(r.shade.id) ?? [];
          return (
            <tr
              key={r.shade.id}
              data-testid={`ladder-${r.shade.id}`}
              data-position={r.shade.position}
              data-recommended={recommended || undefined}
              data-in-use={sessions.length ? sessions.join(',') : undefined}
              className={recommended ? 'sm-recommended' : undefined}
            >
              <th scope="row">
                <span className="sm-ladder-shade">
                  <span className="sm-chip" style={{ background: labToHex(r.apparent) }} aria-hidden="true" />
                  <span className="sm-ladder-name">
                    <span>
                      {recommended && (
                        <span className="sm-star" title="Recommended" aria-label="Recommended">
                          ★{' '}
                        </span>
                      )}
                      <span className="sm-ladder-label">{r.shade.name}</span>
                    </span>
                    <span className="sm-ladder-dilution">
                      {r.shade.dilution === 'undiluted' ? 'undiluted' : `${r.shade.dilution} ink:diluent`}
                      {sessions.map((n) => (
                        <span key={n} className="sm-tag" title={`Session ${n} uses this shade`}>
                          S{n}
                        </span>
                      ))}
                    </span>
                  </span>
                </span>
              </th>
              <td className="num">{r.deltaE00.toFixed(1)}</td>
              <td>
                <span className={`sm-verdict-word sm-${r.verdict.replace(' ', '-')}`}>{r.verdict}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
