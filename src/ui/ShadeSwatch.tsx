import { labToHex, type Lab } from '../model';
import { labText, round1 } from './shadeMatchFormat';

/** A colour box with its label and CIELAB under it. */
export function Swatch({ testId, label, lab, caption }: { testId: string; label: string; lab: Lab; caption?: string }) {
  const hex = labToHex(lab);
  return (
    <figure className="sm-swatch">
      <div
        className="sm-swatch-box"
        data-testid={testId}
        data-hex={hex}
        data-lab={`${round1(lab.L)},${round1(lab.a)},${round1(lab.b)}`}
        style={{ background: hex }}
        role="img"
        aria-label={`${label}: ${labText(lab)}`}
      />
      <figcaption>
        <span className="sm-swatch-label">{label}</span>
        <span className="sm-swatch-lab">
          L* {round1(lab.L)}
          <br />
          a* {round1(lab.a)}, b* {round1(lab.b)}
        </span>
        {caption && <span className="sm-swatch-caption">{caption}</span>}
      </figcaption>
    </figure>
  );
}
