/** Light that enters the skin beside a pigment (an SMP dot, or a hair shaft under the skin)
 * wanders under it and is partly absorbed there, so the pigment darkens a soft halo round itself,
 * not only its own footprint. The optical model (optics.ts) gives the colour of a wide patch of
 * pigment and has no lateral light; the halo adds it.
 *
 * The halo's width: the dermis's transport mean free path is about 0.23 mm at 500 nm (Jacques
 * 2013, SCIENCE.md section 2), so light spreads sideways over a fraction of a millimetre; a
 * Gaussian of standard deviation HALO_SIGMA_MM stands for it (assumed). Its strength: HALO_GAIN
 * times the pigment's own area, before it saturates softly (share 1 - e^-x round a pigment whose
 * footprint is fully ink); assumed [NF], set so that a healed SMP zone of the default design
 * darkens a type III scalp about as much as the client's own shaved hair does, which is what SMP is
 * meant to match. The darkening never goes past the pigment's own colour. */
export const HALO_SIGMA_MM = 0.2;
export const HALO_GAIN = 10;
