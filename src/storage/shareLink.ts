/** Share links: the design, deflated and base64url-encoded, in the URL fragment. A fragment is never
 * sent to a server, so the design stays on the client's device. Anything wrong with a link is refused
 * with a ShareLinkError saying what is wrong; nothing is silently repaired. */
import { Inflate, deflateSync } from 'fflate';
import { DesignError, parseDesign, type Design } from '../model';

/** Opens straight into Try at home mode. */
export const SHARE_PREFIX = '#home/d=';
/** Longest fragment accepted. A design is a few kB of JSON, ~1-2 kB as a link; browsers take URLs
 * of about 2 MB, but anything this long is not one of ours. */
export const MAX_SHARE_LINK_CHARS = 64_000;
/** Largest unpacked design accepted: refuses a "zip bomb" (deflate packs up to ~1000:1). */
export const MAX_SHARE_JSON_BYTES = 256 * 1024;

export type ShareLinkReason = 'not-share-link' | 'too-long' | 'empty' | 'bad-base64' | 'corrupt' | 'too-large' | 'bad-text' | 'not-json' | 'invalid-design';

export class ShareLinkError extends Error {
  constructor(
    readonly reason: ShareLinkReason,
    message: string,
  ) {
    super(message);
    this.name = 'ShareLinkError';
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** base64url without padding (RFC 4648 section 5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i] << 16;
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63];
  } else if (rest === 2) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63];
  }
  return out;
}

/** Strict: only the base64url alphabet, no padding, no impossible length. */
export function fromBase64Url(text: string): Uint8Array {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || DECODE[c] < 0) {
      throw new ShareLinkError('bad-base64', `The share link is damaged: its design code has a character that does not belong ('${text[i]}' at position ${i + 1}).`);
    }
  }
  if (text.length % 4 === 1) {
    throw new ShareLinkError('bad-base64', `The share link is damaged: its design code has an impossible length (${text.length} characters); it was probably cut short.`);
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    acc = ((acc << 6) | DECODE[text.charCodeAt(i)]) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Inflates raw deflate data, stopping as soon as the output passes `maxBytes`: input goes in small
 * chunks so that no single step can unpack more than ~0.5 MB (1032:1 at most per deflate block). */
function inflateCapped(data: Uint8Array, maxBytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) {
      tooLarge = true;
      throw new Error('too large');
    }
    parts.push(chunk);
  });
  const CHUNK = 512;
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch {
    if (tooLarge) {
      throw new ShareLinkError('too-large', `The share link's design is too large to open (over ${maxBytes / 1024} kB unpacked); it is not one this app made.`);
    }
    throw new ShareLinkError('corrupt', 'The share link is damaged: its packed design cannot be unpacked (was it cut short or changed when copied?).');
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** True when `fragment` (or a whole URL) looks like one of our share links; routing uses this. */
export function isShareLink(fragment: string): boolean {
  return typeof fragment === 'string' && shareCode(fragment) !== null;
}

function shareCode(link: string): string | null {
  let s = link.trim();
  const hash = s.indexOf('#');
  if (hash > 0) s = s.slice(hash);
  if (!s.startsWith('#')) s = '#' + s;
  return s.startsWith(SHARE_PREFIX) ? s.slice(SHARE_PREFIX.length) : null;
}

/** The fragment (`#home/d=...`) for a design. The design is validated first, so a link this makes
 * always opens; an invalid design throws ShareLinkError('invalid-design'). */
export function encodeShareLink(design: Design): string {
  try {
    parseDesign(design);
  } catch (e) {
    throw new ShareLinkError('invalid-design', `This design cannot be shared: ${e instanceof Error ? e.message : String(e)}`);
  }
  // The design as given (not the parsed copy), so the link carries exactly these bytes.
  const json = new TextEncoder().encode(JSON.stringify(design));
  return SHARE_PREFIX + toBase64Url(deflateSync(json, { level: 9 }));
}

/** The design in a share link (a fragment or a whole URL); older design versions are migrated. */
export function decodeShareLink(fragment: string): Design {
  if (typeof fragment !== 'string') throw new ShareLinkError('not-share-link', 'A share link must be text.');
  if (fragment.length > MAX_SHARE_LINK_CHARS) {
    throw new ShareLinkError('too-long', `The share link is too long (${fragment.length} characters; at most ${MAX_SHARE_LINK_CHARS}); it is not one this app made.`);
  }
  const code = shareCode(fragment);
  if (code === null) throw new ShareLinkError('not-share-link', `This is not an SMP Studio share link: it should contain '${SHARE_PREFIX}'.`);
  if (code.length === 0) throw new ShareLinkError('empty', "The share link holds no design: nothing follows 'd='.");
  const packed = fromBase64Url(code);
  const bytes = inflateCapped(packed, MAX_SHARE_JSON_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError('bad-text', "The share link's design is not readable text (invalid UTF-8).");
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ShareLinkError('not-json', "The share link's design is not valid JSON (it may have been cut short).");
  }
  try {
    return parseDesign(data);
  } catch (e) {
    if (e instanceof DesignError) throw new ShareLinkError('invalid-design', `The share link's design is not valid: ${e.message}`);
    throw e;
  }
}
