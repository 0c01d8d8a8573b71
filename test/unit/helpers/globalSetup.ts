/** Before the unit files run: the default head, built once for all of them (2 s a build; about
 * twenty files use it) and kept packed in a file that `defaultHead()` reads. */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createHead } from '../../../src/model';
import { packHead } from '../../../src/storage/packedHead';

declare module 'vitest' {
  export interface ProvidedContext {
    defaultHeadFile: string;
  }
}

export default function setup(project: TestProject): () => void {
  const file = join(tmpdir(), `smp-unit-default-head-${process.pid}.bin`);
  writeFileSync(file, packHead(createHead()));
  project.provide('defaultHeadFile', file);
  return () => rmSync(file, { force: true });
}
