/** Text a person typed (a client's name, notes, a design's name), made safe to show or print.
 *
 * Bidi controls: a name is shown in the order it was typed. Overrides, embeddings, isolates and the
 * invisible direction marks are taken out, so "Ann\u202Eexe.live" cannot pass itself off as
 * "Annevil.exe" in a file name or the report. Letters keep their own direction; only the hidden
 * controls go.
 *
 * Printing: a font without a glyph for a character draws a missing-glyph box in its place. For
 * the report every character its font cannot draw is replaced by words a reader can take in:
 * - an emoji (with its skin tone, or a ZWJ family such as 👨‍👩‍👧) becomes "[emoji]", one for a run
 *   of them; a flag becomes "[flag GB]" (its two letters are its name);
 * - a character with a plain equivalent the font has becomes that (fullwidth or "fancy" maths
 *   letters, ligatures: "𝐒𝐚𝐦" prints "Sam");
 * - an accent the font lacks is dropped and its letter kept ("q̈" prints "q"); accented letters
 *   are composed first, so "Zoe" + combining diaeresis prints "Zoë";
 * - invisible formatting (zero-width joiners, soft hyphens, variation selectors) and control
 *   characters other than line breaks are dropped; a tab or a space the font lacks prints a space;
 * - anything else (a script the font does not cover) becomes "[?]", one for a run. */

/** LRE RLE PDF LRO RLO (U+202A-E), LRI RLI FSI PDI (U+2066-9), LRM RLM (U+200E-F), ALM (U+061C). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export const EMOJI_WORD = '[emoji]';
export const UNPRINTABLE_WORD = '[?]';

/** `text` without bidi controls: what is shown or saved is then in the order it was typed. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Printable ASCII and line breaks: every font draws these, so most names skip the work below. */
const PLAIN = /^[\n\x20-\x7E]*$/;
/** One emoji as typed: a pictograph or skin tone with its selectors, skin tones and tag characters,
 * and any more joined to it by ZWJ. */
const EMOJI_PART = String.raw`(?:\p{Extended_Pictographic}|\p{Emoji_Modifier})(?:\uFE0F|\uFE0E|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}])*`;
/** A token: a flag (two regional indicators), an emoji, or one code point. */
const TOKEN = new RegExp(String.raw`(\p{Regional_Indicator}{2})|(${EMOJI_PART}(?:\u200D${EMOJI_PART})*)|([\s\S])`, 'gu');
const PRESENTATION_SELECTORS = /[\uFE0E\uFE0F]/g;
/** Controls, formatting, unpaired surrogates, private use and noncharacters: nothing to print. */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\uFFFE\uFFFF]$/u;
const MARK = /^\p{M}$/u;
const SPACE = /^\s$/u;

const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);

/** `text` with every character `canDraw` refuses replaced as the header describes; bidi controls
 * always go. `canDraw` says whether the font has a glyph for a code point. */
export function printableText(text: string, canDraw: (codePoint: number) => boolean): string {
  if (PLAIN.test(text)) return text;
  const s = stripBidiControls(text).replace(/\r\n?/g, '\n').normalize('NFC');
  let out = '';
  /** The placeholder last written, so a run of emoji or unknown letters gets one, not one each. */
  let last: string | null = null;
  const put = (t: string) => {
    out += t;
    last = null;
  };
  const placeholder = (word: string) => {
    if (last !== word) out += word;
    last = word;
  };
  for (const [, flag, emoji, char] of s.matchAll(TOKEN)) {
    if (flag) {
      put(`[flag ${String.fromCharCode(...codePoints(flag).map((cp) => cp - 0x1f1e6 + 65))}]`);
    } else if (emoji) {
      // A pictograph the font has in plain text form (©, ™, ‼) prints as that.
      const bare = codePoints(emoji.replace(PRESENTATION_SELECTORS, ''));
      if (bare.length === 1 && canDraw(bare[0])) put(String.fromCodePoint(bare[0]));
      else placeholder(EMOJI_WORD);
    } else if (char === '\n') {
      put(char);
    } else if (char === '\t') {
      put(' ');
    } else if (INVISIBLE.test(char)) {
      // Dropped without breaking a run: "😀\u200B😀" is still one emoji run.
    } else if (canDraw(char.codePointAt(0)!)) {
      put(char);
    } else if (MARK.test(char)) {
      // An accent (or variation selector) the font lacks: the letter it sits on stays.
    } else if (SPACE.test(char)) {
      put(' ');
    } else {
      const plain = char.normalize('NFKC');
      if (plain !== char && codePoints(plain).every(canDraw)) put(plain);
      else placeholder(UNPRINTABLE_WORD);
    }
  }
  return out;
}
