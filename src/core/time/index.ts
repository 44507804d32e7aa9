export { formatTimeUtc, parseTime } from './time_text.js';
