/** The public, headless API: tests, benchmarks, workers and scripts use the model through here. */
export { createHead } from './head';
export type { HeadInput } from './head';
export type { EyeBall, HeadModel, HeadMeasures, Landmark, ScalpChart, Vec3 } from './head/types';
export { SEXES } from './head/form';
export type { Sex } from './head/form';
export { headDisplay, LOD_CELL_MM, LOD_BUST_CELL_MM } from './head/display';
export type { HeadDisplay } from './head/display';
export { eyeFrame, LID_MAP_RANGE_MM, LID_MAP_TEXELS } from './head/lids';
export { LANDMARKS, HeadMeasureError } from './head/types';
export { DEFAULT_MEASURES, MEASURE_LIMITS, MEASURE_SD, measuresAtZ, resolveMeasures } from './head/measures';
export { defaultDesign, DEFAULT_PIGMENT, DEFAULT_HAIR, parseDesign, designSchema, layerSchema, DesignError, DESIGN_VERSION, MAX_LAYERS } from './design';
export type { Design, Lab } from './design';
export { FITZPATRICK_LAB, itaDeg, itaCategory, skinLab } from './color/skin';
export { D65_WHITE, hexToLab, labLuminance, labToHex, labToLinearRgb, labToXyz, srgbBytesToLab, xyzToLab } from './color/convert';
export type { LinearRgb, Xyz } from './color/convert';
export { generateDots, generateDotsFromSpec } from './dots/generate';
export type { DotSet, DotsHead, GenerateOptions } from './dots/generate';
export { FULL_RESULT_PER_CM2, fullResultVerdict, type FullResultVerdict } from './dots/fullResult';
export { DotLimitError, MAX_DOTS, MERGE_SPACING, maxDensityPerCm2, maxDiameterMm, mergeRefusal } from './dots/limits';
export type { Layer } from './design';
export { deltaE2000 } from './color/deltaE';
export { ColorInputError } from './color/colorInput';
export { SKIN_PRESETS } from './color/skinPresets';
export type { FitzpatrickType, SkinPreset } from './color/skinPresets';
export { SHADES, PIGMENT_TONES, shadesOfTone, shadeConcentration, nearestShade } from './color/pigments';
export { hairLab, layerInkLab, designShadeMatch } from './color/designColors';
export type { Shade, PigmentTone } from './color/pigments';
export { HAIR_COLORS, hairColor } from './color/hairColors';
export type { HairColor } from './color/hairColors';
export { apparentDotLab, buildDotColorTable, lookupDotColor, skinFit, dotSpectrum } from './color/optics';
export type { DotColorTable, DotInput, SkinOptics } from './color/optics';
export { HALO_GAIN, HALO_SIGMA_MM } from './color/lateralLight';
export { matchShade, stubbleLab, follicleLab, verdictOf, CLOSE_BELOW, MATCH_BELOW } from './color/shadeMatch';
export type { ShadeMatch, ShadeMatchInput, ShadeResult, Verdict } from './color/shadeMatch';
export { hairlineSchema, defaultHairline, withStyle, HAIRLINE_STYLES, HAIRLINE_STYLE_PRESETS, hairlineHandles, moveHandle, hairlinePolyline, BROW_LIMIT_MM } from './scalp/hairline';
export type { Hairline, HairlineStyle, HairlineHandle, HandleId, FixedHandleId, MoveResult } from './scalp/hairline';
export { hairlineGuides, hairlineWarnings, HEIGHT_MARKS_MM } from './scalp/guides';
export type { HairlineGuides, HairlineWarning } from './scalp/guides';
export { scarsSchema, scarSchema, defaultScars, defaultScar, MAX_SCARS, type Scar } from './scalp/scarSchema';
export { scarField, scarAreaMm2, dotsOnScar, isOnScar } from './scalp/scars';
export { SCAR_EDGE_MM } from './scalp/scarPaint';
export { rasterizeChartField } from './scalp/chartRaster';
export { boundaryAt, rhoAt } from './scalp/chart';
export { ScalpSurface } from './scalp/surface';
/** zod, configured for the app's Content-Security-Policy (no eval): what storage validates with. */
export { z } from './zod';
export { hairLossSchema, defaultHairLoss, hairField, baldAreaShare, HAIR_LOSS_PATTERNS, HAIR_LOSS_PATTERN_IDS, MAX_HAIR_CORRECTIONS } from './hair/hairLoss';
export type { HairLoss, HairCorrection, HairLossPattern, HairLossPatternId } from './hair/hairLoss';
export { stubbleSchema, defaultStubble, generateStubble, SHAVE_LENGTHS_MM, SPLAT_SCALE } from './hair/stubble';
export * from './hair/hairFigures';
export { stubbleOptics, shaftConcentration, shaftTone } from './hair/stubbleOptics';
export type { StubbleOptics, StubbleOpticsInput } from './hair/stubbleOptics';
export type { Stubble, StubbleSet } from './hair/stubble';
export { DEFAULT_HAIR_LOSS } from './design';
export * from './fade';
export { rangeOf } from './schema';
export { scalpLook, clientHairField, SCAR_MAP_SIZE } from './hair/look';
export type { ScalpLook } from './hair/look';
export { hairFill } from './dots/generate';
export * from './training';
export {
  kirbyDesai,
  kirbyDesaiInputSchema,
  defaultKirbyDesaiInput,
  KirbyDesaiError,
  KIRBY_DESAI_POINTS,
  KIRBY_DESAI_SPREAD,
  KD_LOCATIONS,
  KD_COLORS,
  KD_INK_AMOUNTS,
  KD_SCARRING,
} from './removal/kirbyDesai';
export type { KirbyDesaiInput, KirbyDesai } from './removal/kirbyDesai';
export { treatmentEstimate, estimateSettingsSchema, defaultEstimateSettings, EstimateError } from './estimate';
export type { TreatmentEstimate, EstimateSettings, EstimateDots, Prices } from './estimate';
export * from './aftercare';
export { SOURCES, ASSUMPTIONS } from './sources';
export { stripBidiControls, printableText, EMOJI_WORD, UNPRINTABLE_WORD } from './text';
export type { Source } from './sources';
export { FACE_MESH_POINTS, meshPoint } from './photo/faceLandmarks';
export type { FaceLandmarks } from './photo/faceLandmarks';
export { rotationOf, poseOf, angleBetweenDeg, projectHeadPoint } from './photo/pose';
export type { HeadPose, Mat3, PinholeCamera } from './photo/pose';
export { fitPoints, fitPointsFrom } from './photo/poseFit';
export {
  ALIGN_POINTS,
  ALIGN_POINT_LABELS,
  ALIGN_POINT_NAMES,
  ALIGN_VIEWS,
  NOMINAL_POSES,
  ManualFitError,
  defaultHandles,
  handlesOfPlacement,
  keptHandles,
  manualPhotoFit,
  placementOf,
} from './photo/manualFit';
export type { AlignHandles, AlignHead, AlignPoint, AlignView, ManualPhotoFit, PinholePlacement } from './photo/manualFit';
export { assumedCamera, ASSUMED_FOCAL_35MM, EXOCANTHION_SPAN_MM, exocanthionSpanMm, faceMeshOnHead, fitHeadToPhoto } from './photo/headFit';
export type { FaceModelSource, PhotoFit } from './photo/headFit';
export { headShapeSteps, outlineRowsOf, measuresOfIndex } from './photo/headShape';
export type { HeadShapeReading, OutlineView, PhotoRows } from './photo/headShape';
export { orthoFitSchema, fitRotation, fitAtScale, anglesOfRotation, projectToPhoto, facingCamera } from './photo/fit';
export type { OrthoFit, Rotation3 } from './photo/fit';
export { foreheadPatch, patchLab } from './photo/skinSample';
export { orthoFitOfPinhole } from './photo/orthoOfPinhole';
export { KEEP_MASK_SIDE_PX, keepMaskSizePx } from './photo/keepMask';
export { headPointAtPixel, scalpPointAtPixel, scalpPointShows } from './photo/scalpOnPhoto';
export { hairlineOnPhoto, moveHandleOnPhoto } from './photo/hairlineOnPhoto';
export { localDay, localIso } from './localTime';
export type { HairlineOnPhoto, PhotoHairlineHandle } from './photo/hairlineOnPhoto';
export type { SkinPatch } from './photo/skinSample';
