export { formatDtg, formatTimeUtc, formatTimeUtcExact, parseTime } from './time_text.js';
