/** The files the face-landmark worker loads: the models' graphs and weights and the WebAssembly of
 * the tfjs backend. They are copied from node_modules into the build under FACE_ASSETS_DIR
 * (vite.config.ts), served from the app's own origin and precached for offline use; nothing is
 * fetched from a CDN or a model hub. The names must stay as they are: each model's .json names
 * its .bin, and tfjs asks for its .wasm by name. */
export const FACE_ASSETS_DIR = 'face/';

export interface FaceAsset {
  /** Name under FACE_ASSETS_DIR. */
  name: string;
  /** Path in node_modules. */
  from: string;
}

const HUMAN_MODELS = '@vladmandic/human/models/';
const TFJS_WASM = '@tensorflow/tfjs-backend-wasm/dist/';

export const FACE_ASSETS: readonly FaceAsset[] = [
  // BlazeFace (the face's box) and FaceMesh (468 points), from MediaPipe. Human's Iris model is
  // left out: it did not make the eyes' corners follow the pose better (landmarks.worker.ts).
  ...['blazeface', 'facemesh'].flatMap((m) => ['json', 'bin'].map((ext) => ({ name: `${m}.${ext}`, from: `${HUMAN_MODELS}${m}.${ext}` }))),
  // Plain and SIMD builds; the threaded one needs cross-origin isolation, which the app has not.
  ...['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'].map((name) => ({ name, from: `${TFJS_WASM}${name}` })),
  // Human's licence (MIT), beside the files it runs. The weights (MediaPipe) and tfjs are
  // Apache-2.0: credited with the sources (src/model/sources.ts).
  { name: 'LICENSE-human.txt', from: '@vladmandic/human/LICENSE' },
];
