export { DEFAULT_GSHHG_PATH, formatRegion, loadGshhgCoastline, readGshhgBins } from './gshhg_reader.js';
export {
  BUNDLED_COASTLINE_FILE, bundledCoastlinePath, loadBundledCoastline, readBundledShoreline,
} from './bundled_coastline.js';
