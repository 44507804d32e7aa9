export { formatDtg, formatTimeUtc, parseTime } from './time_text.js';
