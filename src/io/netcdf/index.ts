export { openForcingBytesGuarded, openForcingFile } from './open_forcing_file.js';
export { openForcingBytes } from './open_forcing_bytes.js';
export { MAX_FORCING_VALUES } from './forcing_file.js';
export type { ForcingFile, ForcingFileOptions } from './forcing_file.js';
export { parseCfTimeUnits } from './cf_time.js';
export { releaseForcingReader } from './forcing_worker_pool.js';
