export type { LeewayCoefficients, LeewayObjectClass } from './leeway_table.js';
export { filterObjectClasses, findObjectClass, parseLeewayTable } from './leeway_table.js';
