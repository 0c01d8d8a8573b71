import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EMOJI_WORD, printableText, stripBidiControls, UNPRINTABLE_WORD } from '../../src/model';
import { printable } from '../../src/report/printableDoc';
import { REPORT_FONT_FILES } from '../../src/report/renderPdf';
import { ROBOTO_RANGES, robotoHasGlyph } from '../../src/report/robotoGlyphs';
import { reportFontPath } from './helpers/reportFonts';
import { UserText } from '../../src/ui/UserText';

const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

describe('bidi controls', () => {
  it('are taken out, so a name reads in the order it was typed', () => {
    // Shown raw, "Ann" RLO "exe.live" reads "Annevil.exe".
    expect(stripBidiControls('Ann\u202Eexe.live')).toBe('Annexe.live');
    for (const c of BIDI_CONTROLS) expect(stripBidiControls(`evil${c}gpj.exe${c}`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('evilgpj.exe');
    // Letters keep their own direction: only the hidden controls go.
    expect(stripBidiControls('\u2067مرحبا\u2069 Sam')).toBe('مرحبا Sam');
    expect(printable('Ann\u202Eexe.live')).toBe('Annexe.live');
  });

  it('are taken out of a name the app shows, and the name is isolated from the text around it', () => {
    const shown = (text: string) => renderToStaticMarkup(createElement(UserText, { text }));
    expect(shown('Ann\u202Eexe.live')).toBe('<bdi>Annexe.live</bdi>');
    expect(shown('\u2067مرحبا\u2069 <b>Sam</b>')).toBe('<bdi>مرحبا &lt;b&gt;Sam&lt;/b&gt;</bdi>');
  });
});

describe('text printed in the report', () => {
  it('keeps Latin, accented, Greek and Cyrillic names as typed', () => {
    for (const name of ['Jordan Example', 'José', 'Zoë', 'Łukasz', 'Nguyễn Văn Anh', 'Žofie Dvořáková', 'Σοφία', 'Дмитрий', "O'Brien-Smith", 'Line one\nline two']) {
      expect(printable(name)).toBe(name);
    }
  });

  it('composes combining accents and drops only the ones the font lacks', () => {
    expect(printable('Jose\u0301')).toBe('José');
    expect(printable('Zoe\u0308')).toBe('Zoë');
    expect(printable('Nguye\u0302\u0303n')).toBe('Nguyễn');
    // No composed form and no combining diaeresis in Roboto: the letter stays, the accent goes.
    expect(printable('Iq\u0308bal')).toBe('Iqbal');
  });

  it('prints emoji, skin tones, ZWJ families and flags as words', () => {
    expect(EMOJI_WORD).toBe('[emoji]');
    expect(printable('😀 Sam')).toBe('[emoji] Sam');
    expect(printable('👨‍👩‍👧 Lee')).toBe('[emoji] Lee');
    expect(printable('Kim 👍🏽')).toBe('Kim [emoji]');
    expect(printable('❤️ Jo')).toBe('[emoji] Jo');
    // A run of emoji is one word, not one each.
    expect(printable('Party 🎉🎉🎉!')).toBe('Party [emoji]!');
    expect(printable('🇬🇧 Pat')).toBe('[flag GB] Pat');
    // Pictographs the font has in text form print as themselves.
    expect(printable('© Clinic™')).toBe('© Clinic™');
  });

  it('prints plain equivalents where there are, "[?]" for a script the font lacks, nothing for invisible characters', () => {
    expect(printable('𝐒𝐚𝐦 Ｌｅｅ')).toBe('Sam Lee');
    expect(printable('李雷 Li')).toBe(`${UNPRINTABLE_WORD} Li`);
    expect(printable('a\u200Bb\u00ADc\uFEFF\u200Dd')).toBe('abcd');
    expect(printable('a\tb\r\nc')).toBe('a b\nc');
  });

  it('leaves nothing Roboto would draw as a missing glyph', () => {
    const nasty = 'Ann\u202Eexe.live 😀 👨‍👩‍👧 🇬🇧 Zoe\u0308 李 q\u0308 𝐒 \u2067x\u2069 \u0000\u0007';
    const out = printable(nasty);
    for (const c of out) expect(robotoHasGlyph(c.codePointAt(0)!) || c === '\n', `U+${c.codePointAt(0)!.toString(16)}`).toBe(true);
    // The rule is the font's: the same text for a font that draws everything keeps the emoji.
    expect(printableText('😀 Sam', () => true)).toBe('😀 Sam');
  });

  it('knows exactly the characters of the Roboto pdfmake ships', () => {
    // fontkit comes with pdfmake (through pdfkit): the same code that lays out the PDF reads the fonts here.
    const require = createRequire(import.meta.url);
    const fontkit = require('fontkit') as { create(bytes: Buffer): { characterSet: number[]; hasGlyphForCodePoint(cp: number): boolean } };
    const listed: number[] = [];
    for (const range of ROBOTO_RANGES.split(' ')) {
      const [from, to = from] = range.split('-').map((h) => parseInt(h, 16));
      for (let cp = from; cp <= to; cp++) listed.push(cp);
    }
    for (const file of REPORT_FONT_FILES) {
      const font = fontkit.create(readFileSync(reportFontPath(file)));
      expect(
        [...font.characterSet].sort((a, b) => a - b),
        file,
      ).toEqual(listed);
      expect(font.hasGlyphForCodePoint(0x1f600)).toBe(false);
    }
    expect(listed.length).toBe(928);
  });
});
