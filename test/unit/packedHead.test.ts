// A built head packed into bytes (storage/packedHead.ts, as the build ships the default heads) comes
// back exactly as built, and bytes that are not a whole packed head are refused.
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createHead, DEFAULT_MEASURES, defaultDesign, headDisplay } from '../../src/model';
import { packHead, unpackHead } from '../../src/storage/packedHead';

const copy = (bytes: Uint8Array) => bytes.slice().buffer;

describe('a packed head', () => {
  const head = createHead(defaultDesign().head);
  head.display = headDisplay(head);
  const packed = packHead(head);

  it('unpacks to the head as built: every array of the same kind, bit for bit, and every value', () => {
    const back = unpackHead(copy(gunzipSync(gzipSync(packed))));
    expect(back).toEqual(head);
    expect(back.display!.coarse.indices).toBeInstanceOf(Uint32Array);
    expect(back.display!.lids).toBeInstanceOf(Uint8Array);
    expect(
      Buffer.from(back.positions.buffer, back.positions.byteOffset, back.positions.byteLength).equals(Buffer.from(head.positions.buffer, head.positions.byteOffset, head.positions.byteLength)),
    ).toBe(true);
    // About what the head's arrays hold (8 MB), not a copy per view.
    expect(packed.byteLength / 1e6).toBeGreaterThan(7);
    expect(packed.byteLength / 1e6).toBeLessThan(9);
  });

  it("is what the build ships for the default design's head (the default measures, either sex)", () => {
    expect(defaultDesign().head).toEqual({ ...DEFAULT_MEASURES, sex: 'male' });
  });

  it('refuses bytes that are not a whole packed head', () => {
    expect(() => unpackHead(copy(packed.subarray(0, packed.byteLength - 1000)))).toThrow('cut short');
    expect(() => unpackHead(copy(packed.subarray(0, 100)))).toThrow('cut short');
    expect(() => unpackHead(new TextEncoder().encode('{"measures":{}}').buffer)).toThrow('Not a packed head');
  });
});
