/** Text a person typed (a client's or a design's name, notes), shown in the order it was typed: its
 * bidi controls taken out (model/text.ts), so "Ann\u202Eexe.live" cannot show as "Annevil.exe",
 * and the run isolated in a <bdi> (its direction from its own first letter), so an Arabic or
 * Hebrew name neither reorders the words around it nor is reordered by them. */
import { stripBidiControls } from '../model';

export function UserText({ text }: { text: string }) {
  return <bdi>{stripBidiControls(text)}</bdi>;
}
