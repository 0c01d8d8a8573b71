/** A studio backdrop drawn behind everything: a soft, low-contrast grey gradient, lighter
 * behind the head, so the head stands out and the corners stay a calm, even grey. */
import { Color, Mesh, PlaneGeometry, ShaderMaterial } from 'three';

const vertexShader = /* glsl */ `
varying vec2 vUv;
void main() {
	vUv = uv;
	gl_Position = vec4( position.xy, 1.0, 1.0 );
}
`;

const fragmentShader = /* glsl */ `
uniform vec3 uCentre;
uniform vec3 uEdge;
varying vec2 vUv;
void main() {
	float d = clamp( length( ( vUv - vec2( 0.5, 0.56 ) ) * vec2( 1.0, 1.2 ) ) * 1.5, 0.0, 1.0 );
	vec3 c = mix( uCentre, uEdge, smoothstep( 0.0, 1.0, d ) );
	// Half a step of noise hides banding in the 8-bit output.
	float n = fract( sin( dot( gl_FragCoord.xy, vec2( 12.9898, 78.233 ) ) ) * 43758.5453 );
	gl_FragColor = vec4( c, 1.0 );
	#include <colorspace_fragment>
	gl_FragColor.rgb += ( n - 0.5 ) / 255.0;
}
`;

export function createBackdrop(): Mesh<PlaneGeometry, ShaderMaterial> {
  const material = new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      uCentre: { value: new Color('#dde0e4') },
      uEdge: { value: new Color('#cdd1d6') },
    },
    depthTest: false,
    depthWrite: false,
    toneMapped: false,
  });
  const mesh = new Mesh(new PlaneGeometry(2, 2), material);
  mesh.frustumCulled = false;
  mesh.renderOrder = -1000;
  mesh.name = 'backdrop';
  return mesh;
}
