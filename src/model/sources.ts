/** The figures the preview rests on and where they come from (../shared/SCIENCE.md), and the
 * assumptions where no figure was found: printed in the consultation report. */
export interface Source {
  topic: string;
  figure: string;
  source: string;
}

export const SOURCES: readonly Source[] = [
  { topic: 'Sessions', figure: '2–4 sessions, typically 3; lighter first, darker and denser later', source: 'Practitioners’ guidance' },
  { topic: 'Time in the chair', figure: '3–5 h a session; a full head 20–30 h in total', source: 'Nguyen et al., Skin Appendage Disord 2022' },
  { topic: 'Dot size and depth', figure: 'Microdots under 1 mm, about 0.1 mm under the surface, in the upper papillary dermis', source: 'Rassman et al., ISHRS Forum 26(3):85' },
  { topic: 'Density', figure: 'About 194 dots/cm² for a full result', source: 'Clinic guidance (scalpevolution.com)' },
  {
    topic: 'Healing',
    figure: 'About a third of the pigment leaves within weeks; 70–80 % of the colour kept with good aftercare, 40–50 % when scabs are picked',
    source: 'Bäumler, Curr Probl Dermatol 2015; Engel et al., Exp Dermatol 2010;19:54; practitioners',
  },
  { topic: 'Touch-ups', figure: 'Quoted every 1–4, 2–5 or 3–6 years', source: 'Clinic sites' },
  { topic: 'Prices', figure: 'Full treatment $1,000–4,500, touch-up $300–500 (the clinic sets its own)', source: 'Clinic sites' },
  { topic: 'Pigment kept for years', figure: 'Skin macrophages hold the pigment and pass it on as they renew', source: 'Baranska et al., J Exp Med 2018' },
  { topic: 'Spreading', figure: 'Ink spreads slowly like heat along a bar; fine detail goes first, over about 15 years', source: 'Eames, Mathematics Today 2011' },
  {
    topic: 'Sun',
    figure: 'Yearly UV dose: Europeans 10–20, Americans 20–30, Australians 20–50 kJ/m²; indoor workers get about 3 % of the ambient, outdoor workers 10 %',
    source: 'Godar, Photochem Photobiol 2005',
  },
  {
    topic: 'Sunscreen',
    figure: 'SPF is tested at 2 mg/cm²; at the 1 mg/cm² people apply it protects about as √SPF',
    source: 'ISO 24444; Faurschou & Wulf, Br J Dermatol 2007;156:716; Stenberg & Larko 1985',
  },
  { topic: 'Skin colour and optics', figure: 'Scattering of the dermis and epidermis; layered skin reflectance', source: 'Jacques, Phys Med Biol 2013;58:R37; Lister et al., J Biomed Opt 2012' },
  { topic: 'Colour difference', figure: 'CIEDE2000', source: 'Sharma, Wu & Dalal, Color Res Appl 2005' },
  { topic: 'Hair density', figure: '175–300 hairs/cm², mean about 223', source: 'BioNumbers 116431' },
  {
    topic: 'Follicular units',
    figure: '80–100 units/cm², 1–4 hairs each (a Chinese cohort: 74 units and 143 hairs/cm², 28/53/18/1.5 % with 1/2/3/4 hairs)',
    source: 'Hair clinic figures; Guo et al., Plast Aesthet Res 2017;4:150',
  },
  {
    topic: 'Hair shaft and colour',
    figure: 'Shaft 0.06–0.1 mm thick; a dark brown tress L* about 22–23, black about 18–20',
    source: 'Trichology texts; J Cosmet Sci 51(5) 2000, hair tress colorimetry',
  },
  {
    topic: 'Shaved scalp',
    figure: 'A shaved hair shows its cut end and its shaft under the skin, seen through the epidermis: what SMP imitates',
    source: 'Practitioner descriptions; the skin optics above',
  },
  { topic: 'Crown whorl', figure: '71 % right of the midline, 84 % clockwise', source: 'Schmidt et al., TheScientificWorldJ 2008;8:848' },
  { topic: 'Hairline', figure: 'Mid-front 7–10 cm above the brow line, 8 cm common', source: 'Shapiro & Shapiro 2013; Garg et al. 2017' },
  { topic: 'Head size', figure: 'Circumference 570 ± 18 mm, breadth 152 ± 6 mm, length 196 ± 9 mm', source: 'ANSUR II (n = 6,068)' },
  {
    topic: 'Width of the eyes',
    figure: 'Outer eye corner to outer eye corner (ex-ex) 93.0 ± 5.6 mm in men, 88.4 ± 3.7 mm in women (young adults, Hong Kong Chinese, 3D photographs); a second scale for a photo',
    source: 'Normative periocular anthropometry among Chinese young adults in Hong Kong, BioMed Res Int 2013:821428',
  },
  {
    topic: 'Face landmarks (software)',
    figure:
      'MediaPipe BlazeFace and FaceMesh model weights (Google, Apache-2.0), run on the device by Human (V. Mandic, MIT) on TensorFlow.js and its WebAssembly backend (Apache-2.0); the photos never leave the device',
    source: '@vladmandic/human 3.3.6; @tensorflow/tfjs-backend-wasm 4.22.0; github.com/google/mediapipe',
  },
  {
    topic: 'Removal',
    figure: 'Kirby-Desai scale: points from skin type, location, colours, amount of ink, scarring and layering ≈ laser sessions',
    source: 'Kirby et al., J Clin Aesthet Dermatol 2009;2(3):32',
  },
];

export const ASSUMPTIONS: readonly string[] = [
  'No long-term fading rate has been published: a slow clearance and a loss per unit of sun are assumed, set so that an indoor worker in a temperate climate needs the first touch-up at 3–6 years and an unprotected outdoor worker in Australia at 1–2 years, as clinics quote.',
  'How much each aftercare fault costs at healing is assumed within the practitioners’ range; moisturising is not modelled.',
  'A hat is assumed to block 90 % of the sun on the scalp; indoor and outdoor work are taken as about 2 and 7 hours of daylight outdoors a day.',
  'The rate of spreading is assumed; deeper dots spread faster.',
  'Stubble: 90 follicular units/cm² with 15/35/37/13 % holding 1/2/3/4 hairs (2.48 on average, chosen to give the mean of 223 hairs/cm²); hairs 0.08 mm wide leave the skin at 40° and show through it down to 0.5 mm.',
  'A hair shaft under the skin is seen like SMP pigment there, as ink whose concentration follows the hair colour (black hair as undiluted ink, lighter hair by its Kubelka-Munk absorption); the shade match compares each shade with that shaft.',
  'Pigment under the skin, a dot or a hair shaft, also darkens a soft halo round itself (light wandering sideways in the dermis, over a fraction of a millimetre); its strength is assumed, set so that the default design darkens the scalp about as much as the client’s own shaved hair.',
  'The hairline’s leading edge is a sparse band (45 % of full density, led by the lightest session) building to full over the transition, with a few strays up to 3 mm in front.',
  'Time in the chair assumes 3,400–5,000 dots an hour.',
  'The removal estimate treats SMP as a small amount of black ink on the head.',
  'A photo whose lens is not known is taken as from a phone’s main camera (26 mm, 35 mm-equivalent). The head fitted to a photo keeps the proportions of the app’s head: its size is the client’s measured head, and a second scale takes the eyes as wide as the published mean.',
];
