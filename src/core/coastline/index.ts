export { Coastline, type CoastlineStats } from './coastline.js';
export {
  BinSide, isLandLevel, type BinnedShoreline, type ShorelineBin, type ShorelineSegment,
} from './binned_shoreline.js';
export {
  coastlineFromBins, DEFAULT_CELLS_PER_DEG, MAX_INDEX_CELLS, type CoastlineOptions,
} from './coastline_from_bins.js';
export { checkCoastlineBounds, coastlineFromRings, type LonLatRing } from './coastline_from_rings.js';
export {
  BINNED_SHORELINE_FORMAT, BINNED_SHORELINE_VERSION, formatBinnedShoreline, parseBinnedShoreline,
} from './bundled_format.js';
export { coastlineToGeoJSON, type ShorelineFeature } from './coastline_geojson.js';
export type { ShoreGrid, ShorePolylines } from './shore_grid.js';
