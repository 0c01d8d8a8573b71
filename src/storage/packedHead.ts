/** A built head as one block of bytes, exactly as built: the build packs the heads of the default
 * measures (vite.config.ts, bakedHeads) so that a first visit shows them without building them
 * (2-4 s of a worker on a 2-core machine), and the head worker unpacks them.
 *
 * The layout: "SMPH", the length of a JSON text, the text (the head with each typed array replaced
 * by where its bytes are), then the arrays' bytes, each at a multiple of 8. */
import type { HeadModel } from '../model';

const MAGIC = 'SMPH';
const ALIGN = 8;

const ARRAYS = { Float32Array, Float64Array, Uint32Array, Int32Array, Uint16Array, Uint8Array } as const;
type ArrayName = keyof typeof ARRAYS;
type ArrayRef = { $array: ArrayName; byteOffset: number; length: number };

const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

export function packHead(head: HeadModel): Uint8Array {
  const arrays: ArrayBufferView[] = [];
  let byteLength = 0;
  const json = JSON.stringify(head, (_key, value: unknown) => {
    if (!ArrayBuffer.isView(value)) return value;
    const name = value.constructor.name as ArrayName;
    if (!(name in ARRAYS)) throw new Error(`A head cannot hold a ${name}`);
    const ref: ArrayRef = { $array: name, byteOffset: byteLength, length: value.byteLength / (value as Float32Array).BYTES_PER_ELEMENT };
    arrays.push(value);
    byteLength = aligned(byteLength + value.byteLength);
    return ref;
  });
  const text = new TextEncoder().encode(json);
  const start = aligned(8 + text.length);
  const bytes = new Uint8Array(start + byteLength);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, text.length, true);
  bytes.set(text, 8);
  let at = start;
  for (const a of arrays) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = aligned(at + a.byteLength);
  }
  return bytes;
}

/** The head in `buffer`; its arrays are views of that buffer. Throws on anything not packHead's. */
export function unpackHead(buffer: ArrayBuffer): HeadModel {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('Not a packed head');
  const textLength = new DataView(buffer).getUint32(4, true);
  if (8 + textLength > bytes.length) throw new Error('A packed head cut short');
  const start = aligned(8 + textLength);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + textLength)), (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || !('$array' in value)) return value;
    const ref = value as ArrayRef;
    const Type = ARRAYS[ref.$array];
    if (!Type || start + ref.byteOffset + ref.length * Type.BYTES_PER_ELEMENT > bytes.length) throw new Error('A packed head cut short');
    return new Type(buffer, start + ref.byteOffset, ref.length);
  }) as HeadModel;
}
