/** The hair-bearing region's edge on the scalp chart as a texture, for the skin's chart overlay. */
import { DataTexture, FloatType, NearestFilter, RedFormat } from 'three';
import { boundaryAt, rhoAt, type HeadModel } from '../model';

/** Samples of the region's edge around the chart, one per azimuth step. */
const EDGE_SAMPLES = 512;

function edgeTexture(data: Float32Array): DataTexture {
  const t = new DataTexture(data, data.length, 1, RedFormat, FloatType);
  t.minFilter = NearestFilter;
  t.magFilter = NearestFilter;
  t.generateMipmaps = false;
  t.needsUpdate = true;
  return t;
}

export function emptyEdge(): DataTexture {
  return edgeTexture(new Float32Array(EDGE_SAMPLES));
}

/** Radius of the hair-bearing region's edge in chart uv, per azimuth (texel i at phi = 2 pi i / n). */
export function regionEdgeTexture(chart: HeadModel['chart']): DataTexture {
  const data = new Float32Array(EDGE_SAMPLES);
  for (let i = 0; i < EDGE_SAMPLES; i++) {
    const phi = (i / EDGE_SAMPLES) * 2 * Math.PI;
    data[i] = rhoAt(chart, boundaryAt(chart, phi), phi) / (2 * chart.extentMm);
  }
  return edgeTexture(data);
}
