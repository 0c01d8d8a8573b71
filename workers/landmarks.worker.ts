/** Finds a face and its landmarks in a photo, off the main thread: MediaPipe's BlazeFace and
 * FaceMesh, run by Human on tfjs's WebAssembly backend. The models and the .wasm come
 * from the app's own origin (src/photo/faceAssets.ts), never from a CDN or a hub. */
import * as Comlink from 'comlink';
import { Human, type Config } from '@vladmandic/human';
import { FACE_MESH_POINTS, type FaceLandmarks } from '../src/model';

/** Only the face: the detector and the mesh; everything else Human can do is off. The detector's
 * rotation of the face's crop and the iris model (which redraws the eyes' contours) are off too:
 * on renders of the app's head at known poses both made the points follow the pose less
 * faithfully (test/e2e/faceMeshCalibration.test.ts). */
function config(assetsUrl: string): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: assetsUrl,
    modelBasePath: assetsUrl,
    // The service worker keeps the files; Human's own IndexedDB copy would be a second one.
    cacheModels: false,
    debug: false,
    async: true,
    // Its warm-up fetches a data: URL, which the page's policy may refuse: warmUp() below instead.
    warmup: 'none',
    // Every photo is new: no reuse of the last frame's result (Human is built for video).
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    gesture: { enabled: false },
    face: {
      enabled: true,
      detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 1, minConfidence: 0.2, skipFrames: 0, skipTime: 0, return: false },
      mesh: { enabled: true, modelPath: 'facemesh.json' },
      iris: { enabled: false },
      attention: { enabled: false },
      emotion: { enabled: false },
      description: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
  };
}

let ready: Promise<Human> | null = null;

async function start(assetsUrl: string): Promise<Human> {
  const human = new Human(config(assetsUrl));
  // The threaded build needs cross-origin isolation and its own worker script: never ask for it.
  human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await human.load();
  // A first inference sets up the backend's memory: a grey image, so that the first photo does
  // not pay for it.
  const grey = new ImageData(new Uint8ClampedArray(256 * 256 * 4).fill(128), 256, 256);
  await human.detect(grey);
  return human;
}

function humanFor(assetsUrl: string): Promise<Human> {
  ready ??= start(assetsUrl).catch((e) => {
    ready = null;
    throw e;
  });
  return ready;
}

const DEG = 180 / Math.PI;

const api = {
  /** Loads the models and runs once; resolves when the worker is ready for photos. */
  async warmUp(assetsUrl: string): Promise<void> {
    await humanFor(assetsUrl);
  },
  /** The face in `image` (closed here), or null when there is none. */
  async detect(image: ImageBitmap | ImageData, assetsUrl: string): Promise<FaceLandmarks | null> {
    const human = await humanFor(assetsUrl);
    try {
      const face = (await human.detect(image)).face[0];
      if (!face || face.mesh.length < FACE_MESH_POINTS) return null;
      const meshPx = new Float32Array(FACE_MESH_POINTS * 3);
      for (let i = 0; i < FACE_MESH_POINTS; i++) meshPx.set([face.mesh[i][0], face.mesh[i][1], face.mesh[i][2] ?? 0], 3 * i);
      const angle = face.rotation?.angle ?? { yaw: NaN, pitch: NaN, roll: NaN };
      const landmarks: FaceLandmarks = {
        imageWidthPx: image.width,
        imageHeightPx: image.height,
        boxPx: [face.box[0], face.box[1], face.box[2], face.box[3]],
        boxScore: face.boxScore,
        meshScore: face.faceScore,
        meshPx,
        libraryAnglesDeg: { yaw: angle.yaw * DEG, pitch: angle.pitch * DEG, roll: angle.roll * DEG },
      };
      return Comlink.transfer(landmarks, [meshPx.buffer]);
    } finally {
      if ('close' in image) image.close();
    }
  },
};

export type LandmarksWorkerApi = typeof api;

Comlink.expose(api);
