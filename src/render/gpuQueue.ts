/** Waiting for the GPU without blocking the page.
 *
 * WebGL calls that return something (a program's link status or uniforms, a parameter, pixels)
 * make the page wait until the browser's GPU side has done everything asked of it before. With a
 * CPU rasteriser (SwiftShader) that GPU side is one busy CPU thread: building the pipeline of the
 * skin's shader, baking a million dots or the mipmaps of a 4096² map take it from a few hundred
 * ms to seconds on two busy cores, and a page that asks anything meanwhile freezes that long.
 * Compiling is worse: the browser compiles a shader only when first asked about it, so the first
 * frame with a new material freezes for the whole compile, and SwiftShader's browsers have no
 * KHR_parallel_shader_compile (three.js' compileAsync cannot help).
 *
 * So, in this app:
 *  - a new program is first compiled by a worker (app/gpuProbe.worker.ts) on a context of its
 *    own, from the same sources: the browser keeps compiled programs for all contexts, and the
 *    page's own compile then takes a few ms. The frame that needs it waits (without blocking)
 *    until the worker is done;
 *  - work that may ask the GPU something (a bake, a frame with a new program) is held back until
 *    a fence put after the heavy work before it has passed. A fence's status is read without
 *    waiting (the browser answers from its last report, updated between tasks), so the page only
 *    polls, every frame or so. */
import type { Camera, Material, Object3D, Scene, WebGLRenderer } from 'three';

/** Past this a fence or a compile elsewhere is given up on and the work goes ahead. */
const MAX_WAIT_MS = 20_000;
/** How often a pending fence is looked at. */
const POLL_MS = 16;

export interface ProgramSource {
  vertex: string;
  fragment: string;
  /** Attribute locations bound before linking. */
  bindings: [number, string][];
}

/** Compiles programs elsewhere (the warm-up worker), with these extensions enabled. */
export type ProgramCompiler = (extensions: string[], programs: ProgramSource[]) => Promise<void>;

let compiler: ProgramCompiler | null = null;

/** Where new programs are compiled first; null: on the page, when first drawn. */
export function compileProgramsWith(c: ProgramCompiler | null): void {
  compiler = c;
}

// What the page's WebGL 2 contexts were given: the browser does not hand shader sources back
// without waiting for the GPU, so they are noted on the way in.
const shaderSources = new WeakMap<WebGLShader, string>();
const attributeBindings = new WeakMap<WebGLProgram, [number, string][]>();
const enabledExtensions = new WeakMap<WebGL2RenderingContext, Set<string>>();
/** Compiles and links held back while `prepare` has them compiled elsewhere first: the browser
 * looks a shader up among those compiled before when it is given it, so the page's own compile
 * must come after the worker's. Anything that asks about them sends them on first. */
interface Held {
  shaders: WebGLShader[];
  programs: WebGLProgram[];
}
const heldBack = new WeakMap<WebGL2RenderingContext, Held[]>();
/** The batch `prepare` is collecting, and for which context. */
let holding: { gl: WebGL2RenderingContext; batch: Held } | null = null;
/** Sends a held batch on (all of the context's when none is named). */
let sendHeldBack: (gl: WebGL2RenderingContext, batch?: Held) => void = () => undefined;
let recording = false;

/** Starts noting shader sources, attribute bindings and extensions, and lets `prepare` hold
 * compiles back; before the viewer's context is made (scene/Viewer.tsx), so that the worker can
 * compile exactly what three.js asks for. */
export function recordPrograms(): void {
  if (recording || typeof WebGL2RenderingContext === 'undefined') return;
  recording = true;
  type Gl = WebGL2RenderingContext;
  const proto = WebGL2RenderingContext.prototype;
  const { shaderSource, bindAttribLocation, getExtension, compileShader, linkProgram, deleteShader, deleteProgram } = proto;
  sendHeldBack = (gl, batch) => {
    const list = heldBack.get(gl);
    if (!list) return;
    const sending = batch ? list.filter((b) => b === batch) : list;
    const left = batch ? list.filter((b) => b !== batch) : [];
    if (left.length) heldBack.set(gl, left);
    else heldBack.delete(gl);
    for (const b of sending) {
      for (const sh of b.shaders) compileShader.call(gl, sh);
      for (const p of b.programs) linkProgram.call(gl, p);
    }
  };
  proto.shaderSource = function (this: Gl, shader: WebGLShader, source: string) {
    shaderSources.set(shader, source);
    shaderSource.call(this, shader, source);
  };
  proto.bindAttribLocation = function (this: Gl, program: WebGLProgram, index: number, name: string) {
    const list = attributeBindings.get(program) ?? [];
    list.push([index, name]);
    attributeBindings.set(program, list);
    bindAttribLocation.call(this, program, index, name);
  };
  proto.getExtension = function (this: Gl, name: string) {
    const ext = getExtension.call(this, name as never);
    if (ext) {
      const set = enabledExtensions.get(this) ?? new Set<string>();
      set.add(name);
      enabledExtensions.set(this, set);
    }
    return ext;
  } as typeof getExtension;
  proto.compileShader = function (this: Gl, shader: WebGLShader) {
    if (holding?.gl === this) holding.batch.shaders.push(shader);
    else compileShader.call(this, shader);
  };
  proto.linkProgram = function (this: Gl, program: WebGLProgram) {
    if (holding?.gl === this) holding.batch.programs.push(program);
    else {
      sendHeldBack(this);
      linkProgram.call(this, program);
    }
  };
  proto.deleteShader = function (this: Gl, shader: WebGLShader | null) {
    for (const b of heldBack.get(this) ?? []) b.shaders = b.shaders.filter((x) => x !== shader);
    deleteShader.call(this, shader);
  };
  proto.deleteProgram = function (this: Gl, program: WebGLProgram | null) {
    for (const b of heldBack.get(this) ?? []) b.programs = b.programs.filter((x) => x !== program);
    deleteProgram.call(this, program);
  };
  // Whatever asks about a program or shader, or uses one, gets them compiled first.
  for (const name of [
    'getProgramParameter',
    'getProgramInfoLog',
    'getShaderParameter',
    'getShaderInfoLog',
    'useProgram',
    'getUniformLocation',
    'getAttribLocation',
    'getActiveUniform',
    'getActiveAttrib',
    'getUniformBlockIndex',
    'validateProgram',
  ] as const) {
    const original = proto[name] as (...args: unknown[]) => unknown;
    (proto as unknown as Record<string, unknown>)[name] = function (this: Gl, ...args: unknown[]) {
      if (heldBack.has(this)) sendHeldBack(this);
      return original.apply(this, args);
    };
  }
}

/** three.js' program objects (renderer.info.programs), as far as used here. */
interface ThreeProgram {
  program: WebGLProgram;
  vertexShader: WebGLShader;
  fragmentShader: WebGLShader;
}

export class GpuQueue {
  private fence: WebGLSync | null = null;
  private fenceSince = 0;
  /** Programs being compiled elsewhere, and since when. */
  private compiling: Promise<void> | null = null;
  private compilingSince = 0;
  private waiting: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Programs drawn at least once (their first draw builds their GPU pipeline). */
  private readonly drawn = new WeakSet<object>();
  private fenceAfterFrame = false;

  constructor(private readonly renderer: WebGLRenderer) {}

  private get gl(): WebGL2RenderingContext {
    return this.renderer.getContext() as WebGL2RenderingContext;
  }

  /** True once the GPU has done all the work fenced so far and no program is compiled elsewhere. */
  idle(): boolean {
    if (this.compiling) {
      if (performance.now() - this.compilingSince < MAX_WAIT_MS) return false;
      this.compiling = null;
    }
    if (!this.fence) return true;
    const gl = this.gl;
    const status = gl.isContextLost() ? null : gl.getSyncParameter(this.fence, gl.SYNC_STATUS);
    // null: a lost context, or a fence of one lost before: nothing left to wait for.
    if (status !== gl.SIGNALED && status !== null && performance.now() - this.fenceSince < MAX_WAIT_MS) return false;
    if (!gl.isContextLost()) gl.deleteSync(this.fence);
    this.fence = null;
    return true;
  }

  /** Fences the work asked of the GPU so far: `idle()` is false until it is done. */
  fenceNow(): void {
    const gl = this.gl;
    if (gl.isContextLost()) return;
    if (this.fence) gl.deleteSync(this.fence);
    this.fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    this.fenceSince = performance.now();
  }

  /** Runs `task` once the GPU is idle (at once if it is), tasks in the order asked. The returned
   * function takes back a task that has not run yet. */
  whenIdle(task: () => void): () => void {
    if (!this.waiting.length && this.idle()) {
      task();
      return () => undefined;
    }
    this.waiting.push(task);
    this.poll();
    return () => {
      this.waiting = this.waiting.filter((t) => t !== task);
    };
  }

  /** Has three.js make the programs `object` needs (lit by `scene`), as rendering would but
   * without asking for their status, and the new ones compiled elsewhere first. Returns the
   * materials, or null when there were new programs (idle() then waits for them). */
  prepare(object: Object3D, camera: Camera, scene?: Scene): Set<Material> | null {
    const programs = (this.renderer.info.programs ?? []) as unknown as ThreeProgram[];
    const before = programs.length;
    const gl = this.gl;
    const batch: Held = { shaders: [], programs: [] };
    holding = recording && compiler ? { gl, batch } : null;
    let materials: Set<Material>;
    try {
      materials = this.renderer.compile(object, camera, scene ?? null) as Set<Material>;
    } finally {
      holding = null;
    }
    if (batch.shaders.length || batch.programs.length) heldBack.set(gl, [...(heldBack.get(gl) ?? []), batch]);
    const fresh = programs.slice(before);
    if (!fresh.length) {
      sendHeldBack(gl, batch);
      return materials;
    }
    this.compileElsewhere(fresh, batch);
    return null;
  }

  /** Whether a frame of `scene` can be drawn now without waiting for the GPU: false while it is
   * busy, or while new programs are compiled (the caller asks again a frame later). Call
   * `drawn()` after drawing it. */
  frameReady(scene: Scene, camera: Camera): boolean {
    if (!this.idle()) return false;
    const materials = this.prepare(scene, camera);
    if (!materials) return false;
    for (const m of materials) {
      const program = (this.renderer.properties.get(m) as { currentProgram?: object }).currentProgram;
      if (program && !this.drawn.has(program)) {
        this.drawn.add(program);
        this.fenceAfterFrame = true;
      }
    }
    return true;
  }

  /** After a frame `frameReady` allowed: a program drawn for the first time has the GPU build
   * its pipeline, so what comes next waits for that. */
  drawnFrame(): void {
    if (!this.fenceAfterFrame) return;
    this.fenceAfterFrame = false;
    this.fenceNow();
  }

  private compileElsewhere(fresh: ThreeProgram[], batch: Held): void {
    const gl = this.gl;
    const sources: ProgramSource[] = [];
    for (const p of fresh) {
      const vertex = shaderSources.get(p.vertexShader);
      const fragment = shaderSources.get(p.fragmentShader);
      if (vertex !== undefined && fragment !== undefined) sources.push({ vertex, fragment, bindings: attributeBindings.get(p.program) ?? [] });
    }
    if (!compiler || !sources.length) {
      sendHeldBack(gl, batch);
      return;
    }
    const extensions = [...(enabledExtensions.get(gl) ?? [])];
    const done = compiler(extensions, sources)
      .catch(() => undefined)
      .then(() => {
        // Now the page's own compile finds them compiled.
        sendHeldBack(gl, batch);
        if (this.compiling === done) this.compiling = null;
      });
    // Several batches: the latest ends after the ones before it (the worker takes them in turn).
    this.compiling = done;
    this.compilingSince = performance.now();
  }

  private poll(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // Tasks run while the GPU stays idle: one that fences its own work holds back the rest.
      while (this.waiting.length && this.idle()) this.waiting.shift()!();
      if (this.waiting.length) this.poll();
    }, POLL_MS);
  }
}

const queues = new WeakMap<WebGLRenderer, GpuQueue>();

/** The queue of a renderer (one per WebGL context). */
export function gpuQueue(renderer: WebGLRenderer): GpuQueue {
  let q = queues.get(renderer);
  if (!q) queues.set(renderer, (q = new GpuQueue(renderer)));
  return q;
}
