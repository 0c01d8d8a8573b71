/** The page's GPU helper, off the main thread.
 *
 * First it asks for a WebGL 2 context and says what renderer it got. The first context a page
 * makes pays for starting the browser's GPU side (about 0.4 s with SwiftShader on two cores,
 * longer when the machine is busy); made here, that wait blocks this worker instead of the page,
 * and the viewer's own context is then made in a few milliseconds.
 *
 * Then it compiles, on that context, the programs the viewer is about to use (render/gpuQueue.ts
 * sends their sources): the browser compiles a shader only when first asked about it and keeps
 * the result for every context, so the waiting is done here and the page's own compile of the
 * same sources takes a few milliseconds. */
import type { ProgramSource } from '../render/gpuQueue';

export interface CompileRequest {
  id: number;
  extensions: string[];
  programs: ProgramSource[];
}

let gl: WebGL2RenderingContext | null = null;
let renderer = '';
try {
  gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
  if (gl) {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  }
} catch {
  // No WebGL in workers here: the page asks on the main thread instead.
  gl = null;
}
postMessage({ webgl2: gl !== null, renderer });

onmessage = (e: MessageEvent<CompileRequest>) => {
  const { id, extensions, programs } = e.data;
  if (gl && !gl.isContextLost()) {
    // The same extensions as the page's context: they change how shaders are compiled.
    for (const name of extensions) gl.getExtension(name);
    for (const p of programs) compile(gl, p);
  }
  postMessage({ id });
};

function compile(gl: WebGL2RenderingContext, p: ProgramSource): void {
  const program = gl.createProgram();
  const shaders = [
    [gl.VERTEX_SHADER, p.vertex],
    [gl.FRAGMENT_SHADER, p.fragment],
  ].map(([type, source]) => {
    const shader = gl.createShader(type as number)!;
    gl.shaderSource(shader, source as string);
    gl.compileShader(shader);
    gl.attachShader(program, shader);
    return shader;
  });
  for (const [index, name] of p.bindings) gl.bindAttribLocation(program, index, name);
  gl.linkProgram(program);
  // Asking is what makes the browser compile and link: it waits here, not on the page.
  gl.getProgramParameter(program, gl.LINK_STATUS);
  for (const s of shaders) gl.deleteShader(s);
  gl.deleteProgram(program);
}
