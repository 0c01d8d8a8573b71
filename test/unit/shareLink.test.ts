import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DESIGN_VERSION, defaultDesign, parseDesign } from '../../src/model';
import { customDesign } from './helpers/designs';
import { MAX_SHARE_JSON_BYTES, SHARE_PREFIX, ShareLinkError, decodeShareLink, encodeShareLink, fromBase64Url, isShareLink, toBase64Url, type ShareLinkReason } from '../../src/storage/shareLink';

/** A link made from any bytes, as a tamperer would. */
const linkOf = (text: string | Uint8Array) => SHARE_PREFIX + toBase64Url(deflateSync(typeof text === 'string' ? new TextEncoder().encode(text) : text));
const linkOfJson = (value: unknown) => linkOf(JSON.stringify(value));

function refusal(link: unknown): ShareLinkError {
  try {
    decodeShareLink(link as string);
  } catch (e) {
    expect(e).toBeInstanceOf(ShareLinkError);
    return e as ShareLinkError;
  }
  throw new Error(`accepted: ${String(link).slice(0, 80)}`);
}

describe('share links', () => {
  it('round-trips the default and a custom design byte for byte; prints the link length', () => {
    for (const d of [defaultDesign(), customDesign()]) {
      const link = encodeShareLink(d);
      expect(link.startsWith('#home/d=')).toBe(true);
      expect(link).toMatch(/^#home\/d=[A-Za-z0-9_-]+$/);
      expect(JSON.stringify(decodeShareLink(link))).toBe(JSON.stringify(d));
      // The same design always gives the same link.
      expect(encodeShareLink(d)).toBe(link);
      // A whole URL, with the page's address in front, opens too.
      expect(JSON.stringify(decodeShareLink(`https://studio.example/app/${link}`))).toBe(JSON.stringify(d));
      expect(isShareLink(link)).toBe(true);
      console.log(`${d.name}: JSON ${JSON.stringify(d).length} chars, link ${link.length} chars`);
    }
    const link = encodeShareLink(defaultDesign());
    expect(link.length).toBeLessThan(2000); // well inside any messenger's URL limit
  });

  it('keeps a name with markup as plain text, unchanged', () => {
    const d = { ...defaultDesign(), name: '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"' };
    const back = decodeShareLink(encodeShareLink(d));
    expect(back.name).toBe(d.name);
    expect(JSON.stringify(back)).toBe(JSON.stringify(d));
  });

  it('migrates version 1 and 2 designs through a link', () => {
    const { hair: _h, pigment: _p, hairLoss: _l, stubble: _s, scars: _c, fade: _f, ...rest } = defaultDesign();
    const v1 = { ...rest, version: 1, name: 'Old file', hairline: { midFrontalHeightMm: 74, transitionMm: 14 } };
    const d1 = decodeShareLink(linkOfJson(v1));
    expect(d1.version).toBe(DESIGN_VERSION);
    expect(d1.name).toBe('Old file');
    expect(d1.hairline.midFrontalHeightMm).toBe(74);
    expect(d1.pigment).toEqual({ depthMm: 0.2, tone: 'neutral' });
    const v2 = { ...rest, hair: _h, pigment: _p, version: 2, hairline: { midFrontalHeightMm: 92, transitionMm: 6 } };
    const d2 = decodeShareLink(linkOfJson(v2));
    expect(d2.version).toBe(DESIGN_VERSION);
    expect(d2.hairLoss).toMatchObject({ pattern: 'diffuse', diffuseRemaining: 0 });
    // What comes out is what parseDesign makes of the same file.
    expect(d2).toEqual(parseDesign(v2));
  });

  it('refuses to make a link for an invalid design', () => {
    const d = defaultDesign();
    expect(() => encodeShareLink({ ...d, seed: -1 })).toThrow(/This design cannot be shared: seed/);
  });

  it('refuses each malformed link with a specific message', () => {
    const d = defaultDesign();
    const good = encodeShareLink(d);
    const code = good.slice(SHARE_PREFIX.length);
    const json = JSON.stringify(d);
    const bomb = linkOf(new Uint8Array(10_000_000).fill(32));
    const cases: [string, unknown, ShareLinkReason, RegExp][] = [
      ['not text', 42, 'not-share-link', /must be text/],
      ['empty string', '', 'not-share-link', /not an SMP Studio share link/],
      ['another fragment', '#studio', 'not-share-link', /should contain '#home\/d='/],
      ['another app', 'https://example.com/#home/x=abc', 'not-share-link', /not an SMP Studio share link/],
      ['nothing after d=', '#home/d=', 'empty', /holds no design/],
      ['a character outside base64url', `#home/d=${code.slice(0, 10)}$${code.slice(11)}`, 'bad-base64', /does not belong \('\$' at position 11\)/],
      ['standard base64 + and /', '#home/d=ab+/cd', 'bad-base64', /'\+' at position 3/],
      ['padding', `${good}==`, 'bad-base64', /'=' at position/],
      ['a space inside', `#home/d=${code.slice(0, 20)} ${code.slice(20)}`, 'bad-base64', /' ' at position 21/],
      ['impossible length', '#home/d=abcde', 'bad-base64', /impossible length \(5 characters\)/],
      ['truncated to half', good.slice(0, (SHARE_PREFIX.length + Math.floor(code.length / 2)) & ~3), 'corrupt', /cannot be unpacked/],
      ['truncated by 8 characters', good.slice(0, good.length - 8), 'corrupt', /cannot be unpacked/],
      ['not deflate data', SHARE_PREFIX + toBase64Url(new Uint8Array(300).map((_, i) => (i * 97 + 13) & 255)), 'corrupt', /cannot be unpacked/],
      ['a zip bomb (10 MB of spaces)', bomb, 'too-large', new RegExp(`over ${MAX_SHARE_JSON_BYTES / 1024} kB unpacked`)],
      ['a huge link', SHARE_PREFIX + 'A'.repeat(70_000), 'too-long', /too long \(70008 characters; at most 64000\)/],
      ['invalid UTF-8', linkOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 'bad-text', /invalid UTF-8/],
      ['plain text', linkOf('hello, not a design'), 'not-json', /not valid JSON/],
      ['truncated JSON', linkOf(json.slice(0, json.length >> 1)), 'not-json', /not valid JSON/],
      ['JSON null', linkOfJson(null), 'invalid-design', /must be an object/],
      ['JSON array', linkOfJson([d]), 'invalid-design', /must be an object/],
      ['no version', linkOfJson({ ...d, version: undefined }), 'invalid-design', /no version number/],
      ['version as text', linkOfJson({ ...d, version: '3' }), 'invalid-design', /no version number/],
      ['unknown future version', linkOfJson({ ...d, version: 99 }), 'invalid-design', /version 99, newer than this app understands/],
      ['unknown old version', linkOfJson({ ...d, version: 0 }), 'invalid-design', /Design version 0 is not supported/],
      ['layers of the wrong type', linkOfJson({ ...d, layers: 'three' }), 'invalid-design', /^The share link's design is not valid: layers: /],
      ['density as text', linkOfJson({ ...d, layers: [{ ...d.layers[0], densityPerCm2: '60' }] }), 'invalid-design', /layers\.0\.densityPerCm2: Density must be a number/],
      ['density out of range', linkOfJson({ ...d, layers: [{ ...d.layers[0], densityPerCm2: 5000 }] }), 'invalid-design', /layers\.0\.densityPerCm2: Density must be at most 2500 dots\/cm²/],
      ['infinite circumference (1e999)', linkOf(json.replace(/"circumferenceMm":[0-9.]+/, '"circumferenceMm":1e999')), 'invalid-design', /head\.circumferenceMm/],
      ['Fitzpatrick 9', linkOfJson({ ...d, skin: { fitzpatrick: 9, customLab: null } }), 'invalid-design', /skin\.fitzpatrick: Fitzpatrick type must be 1 to 6/],
      ['negative seed', linkOfJson({ ...d, seed: -5 }), 'invalid-design', /seed/],
      ['a 201-character name', linkOfJson({ ...d, name: 'x'.repeat(201) }), 'invalid-design', /^The share link's design is not valid: name: /],
      ['nine sessions', linkOfJson({ ...d, layers: Array.from({ length: 9 }, () => d.layers[0]) }), 'invalid-design', /at most 8 sessions/],
      [
        'prices low above high',
        linkOfJson({ ...d, fade: { ...d.fade, prices: { ...d.fade.prices, treatmentLow: 9000 } } }),
        'invalid-design',
        /fade\.prices\.treatmentLow: Full treatment price \(low\) must not exceed the high price/,
      ],
      ['unknown pigment tone', linkOfJson({ ...d, pigment: { ...d.pigment, tone: 'green' } }), 'invalid-design', /pigment\.tone: Pigment tone must be 'neutral', 'warm' or 'cool'/],
    ];
    for (const [what, link, reason, re] of cases) {
      const e = refusal(link);
      console.log(`${what.padEnd(32)} -> ${e.reason}: ${e.message}`);
      expect(e.reason, what).toBe(reason);
      expect(e.message, what).toMatch(re);
    }
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('a link with one character changed is refused, not opened as another design (measured on the default design)', () => {
    const d = defaultDesign();
    const good = encodeShareLink(d);
    let refused = 0,
      same = 0,
      tried = 0;
    const reasons = new Map<string, number>();
    for (let i = SHARE_PREFIX.length; i < good.length; i += 7) {
      const c = good[i] === 'A' ? 'B' : 'A';
      tried++;
      try {
        const back = decodeShareLink(good.slice(0, i) + c + good.slice(i + 1));
        // A change may land on bits the decoder ignores (the last character's spare bits) ...
        if (JSON.stringify(back) === JSON.stringify(d)) same++;
      } catch (e) {
        expect(e).toBeInstanceOf(ShareLinkError);
        refused++;
        reasons.set((e as ShareLinkError).reason, (reasons.get((e as ShareLinkError).reason) ?? 0) + 1);
      }
    }
    console.log(`one character changed, ${tried} tries: ${refused} refused (${JSON.stringify(Object.fromEntries(reasons))}), ${same} unchanged`);
    // Deflate carries no checksum, so a change could in principle still decode to a valid design;
    // JSON and the schema catch nearly all of them.
    expect(refused + same).toBeGreaterThanOrEqual(Math.floor(tried * 0.95));
  });

  it('base64url codec round-trips every length and byte', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 151 + n * 7) & 255);
      expect(Array.from(fromBase64Url(toBase64Url(bytes)))).toEqual(Array.from(bytes));
      expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
  });
});
