/** Builds one head and writes it packed and gzipped (storage/packedHead.ts), for the build's
 * baked heads (vite.config.ts): `node --import tsx scripts/bakeHead.ts '<HeadInput JSON>' <file>`.
 * A process of its own, so that the config does not load the model. */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHead, headDisplay } from '../src/model';
import { packHead } from '../src/storage/packedHead';

const [input, file] = process.argv.slice(2);
const head = createHead(JSON.parse(input));
head.display = headDisplay(head);
writeFileSync(file, gzipSync(packHead(head)));
