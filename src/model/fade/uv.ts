/** The erythemally weighted UV dose the scalp receives (SCIENCE.md section 3).
 *
 * Ambient: a climate is an annual mean of the daily noon UV index (1 UVI = 25 mW/m², WHO). A day's
 * ambient dose is taken as the noon irradiance held for DOSE_HOURS_AT_NOON hours (assumed: a bell-
 * shaped daily course; 4.5 h reproduces ARPANSA's Melbourne 13 and Brisbane 18 MED/day from mean noon
 * UV indices of about 6.5 and 9). Preset UV indices are assumed round figures: northern Europe 3, US
 * average 5, Australia 8.
 * Personal share: Godar 2005 measured indoor workers at ~3 % and outdoor workers at ~10 % of
 * horizontal ambient; taking an indoor worker as ~2 h and an outdoor worker as ~7 h of daylight
 * outdoors (assumed), the share is 1.5 % per hour, counted up to 12 daylight hours. Check: an indoor
 * worker then gets 13 kJ/m² a year in northern Europe, 22 in the US, 35 in Australia, inside Godar's
 * 10-20, 20-30 and 20-50 kJ/m² for those populations.
 * Hat: a brimmed hat is taken to block 90 % of the UV on the scalp it covers (assumed; fabric of UPF
 * 10 or more); worn 'sometimes' means half the time outdoors.
 * Sunscreen: effective SPF = SPF^(amount / 2 mg/cm²) (Faurschou & Wulf 2007), transmission 1 / SPF.
 * Orientation: a dot receives a share of the horizontal dose set by its normal: the direct beam by the
 * cosine to the sky (+y), the diffuse sky by the visible share of the sky dome, (1 + n.y) / 2, with
 * half of erythemal UV taken as diffuse (assumed; UV-B is strongly scattered). So the crown gets 1,
 * a vertical side 0.25, a surface facing down 0. */
import { fadeOrientation } from './formula';
import type { FadeScenario } from './scenario';

export const UVI_W_PER_M2 = 0.025;
export const DOSE_HOURS_AT_NOON = 4.5;
export const CLIMATE_UV_INDEX = { 'northern-europe': 3, 'us-average': 5, australia: 8 } as const;
export const SHARE_OF_AMBIENT_PER_HOUR = 0.015;
export const MAX_DAYLIGHT_HOURS = 12;
export const HAT_BLOCK = { none: 0, sometimes: 0.45, always: 0.9 } as const;
export const DIFFUSE_SHARE = 0.5;
/** The amount at which the label SPF is tested (ISO 24444). */
export const LABEL_AMOUNT_MG_PER_CM2 = 2;

/** Effective SPF of sunscreen applied at `amountMgPerCm2` (Faurschou & Wulf 2007). SPF 0 means none. */
export function effectiveSpf(spf: number, amountMgPerCm2: number): number {
  if (spf <= 1) return 1;
  return spf ** (amountMgPerCm2 / LABEL_AMOUNT_MG_PER_CM2);
}

export function climateUvIndex(climate: FadeScenario['climate']): number {
  return climate.preset === 'custom' ? climate.customUvIndex : CLIMATE_UV_INDEX[climate.preset];
}

/** Horizontal ambient erythemal dose over a year, kJ/m². */
export function ambientAnnualDoseKJ(uvIndex: number): number {
  return (uvIndex * UVI_W_PER_M2 * DOSE_HOURS_AT_NOON * 3600 * 365) / 1000;
}

/** Share of horizontal ambient a person receives for their daily hours outdoors (Godar 2005). */
export function shareOfAmbient(hoursOutdoorsPerDay: number): number {
  return SHARE_OF_AMBIENT_PER_HOUR * Math.min(hoursOutdoorsPerDay, MAX_DAYLIGHT_HOURS);
}

/** Annual dose on a sky-facing patch of the scalp, kJ/m², after hat and sunscreen. */
export function scalpAnnualDoseKJ(s: FadeScenario): number {
  const ambient = ambientAnnualDoseKJ(climateUvIndex(s.climate));
  return (ambient * shareOfAmbient(s.hoursOutdoorsPerDay) * (1 - HAT_BLOCK[s.hat])) / effectiveSpf(s.sunscreen.spf, s.sunscreen.amountMgPerCm2);
}

/** Share of the horizontal dose reaching a surface whose normal has vertical component `ny`. */
export const orientationFactor = (ny: number): number => fadeOrientation(ny, DIFFUSE_SHARE);
