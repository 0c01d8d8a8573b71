import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { HeadModel } from '../../../src/model';
import { unpackHead } from '../../../src/storage/packedHead';

/** `createHead()`, as built once for the run (globalSetup.ts): a copy of its own each call. */
export function defaultHead(): HeadModel {
  const bytes = readFileSync(inject('defaultHeadFile'));
  return unpackHead(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
