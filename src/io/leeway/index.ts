export { LEEWAY_TABLE_FILE, loadLeewayTable } from './leeway_file.js';
