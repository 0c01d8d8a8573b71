/** Everything the consultation report prints, as plain data. The app gathers it (renders captured
 * from the 3D view, figures from the model); the report only lays it out, so it can be built and
 * checked in Node. */
import type { Design } from '../model';
import type { TreatmentEstimate } from '../model';
import type { TouchUpPlan } from '../model';
import type { KirbyDesai, KirbyDesaiInput } from '../model';

export type ReportView = 'front' | 'left' | 'right' | 'top';

/** One captured view of the head. */
export interface ReportRender {
  view: ReportView;
  /** Years after the first session the view shows; HEALED_YEARS (0.1) prints as "Healed". */
  years: number;
  /** A PNG or JPEG file's bytes. Anything else is left out and its place says the view is not available. */
  image: Uint8Array;
}

/** A view a client's photo can be drawn on: the sides with a face the head is fitted to. */
export type ReportPhotoView = 'front' | 'left' | 'right';

/** A client's photo with the design drawn on it. */
export interface ReportPhoto {
  view: ReportPhotoView;
  /** A PNG or JPEG file's bytes: the photo with the design drawn on its scalp. */
  after: Uint8Array;
}

/** The client's own photos, for the first page. Given only when the client agreed to their
 * photos being used in the report; without them the first page shows the 3D views. */
export interface ReportPhotos {
  /** Shown before and after, side by side: the front photo when there is one. */
  main: ReportPhoto & { before: Uint8Array };
  /** Other sides, shown after only, small. */
  others: ReportPhoto[];
  /** Years after the first session the "after" pictures show: 0 fresh, HEALED_YEARS (0.1) healed. */
  years: number;
  /** When the client agreed, ISO 8601; printed as a date under the photos. */
  consentedAt: string;
}

/** The shade match as the app showed it: sRGB hex colours and the CIEDE2000 difference between the
 * healed dot and the client's stubble. */
export interface ReportShade {
  stubbleHex: string;
  healedDotHex: string;
  skinHex: string;
  deltaE00: number;
  /** 'match', 'close' or 'visible mismatch' (color/shadeMatch.ts); other words are printed as given. */
  verdict: string;
  recommendedShadeName: string;
  currentShadeName: string;
}

/** One personal aftercare rule, already worded for this client. */
export interface ReportAftercare {
  title: string;
  advice: string;
  /** What keeping the rule is worth, e.g. "keeps about 20 % more pigment". */
  worth: string;
}

/** A figure the preview rests on and where it comes from. */
export interface ReportSource {
  topic: string;
  figure: string;
  source: string;
}

export interface ReportInput {
  /** When the report was made, ISO 8601; printed as a date. */
  createdAt: string;
  /** The clinic's name; '' prints "SMP Studio consultation report" in its place. */
  clinicName: string;
  client: {
    /** Printed as text, never interpreted: markup in it shows as typed. */
    name: string;
    /** ISO date (YYYY-MM-DD...) printed as a date; anything else is printed as given. */
    consultationDate: string;
    /** '' leaves the notes out. */
    notes: string;
  };
  design: Design;
  /** Normally 8: front, left, right and top, each healed and at 5 years. May be empty. */
  renders: ReportRender[];
  /** The client's photos, only with their consent; absent or null: none. */
  photos?: ReportPhotos | null;
  shade: ReportShade;
  /** The touch-up plan over `horizonYears` (fade/touchUps.ts). */
  plan: TouchUpPlan;
  horizonYears: number;
  estimate: TreatmentEstimate;
  /** The removal estimate and the input it was computed from. */
  removal: KirbyDesai & { input: KirbyDesaiInput };
  aftercare: ReportAftercare[];
  sources: ReportSource[];
  assumptions: string[];
  /** Display names of the client's hair colour, hair-loss pattern and skin type. */
  hairColourName: string;
  hairLossName: string;
  skinTypeName: string;
}
