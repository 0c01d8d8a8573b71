/** A colour in CIELAB (D65): L* 0-100, a* and b* about -128 to 127. The bottom of the colour
 * code: the design's schema checks it (design.ts), everything else reads it. */
export interface Lab {
  L: number;
  a: number;
  b: number;
}
