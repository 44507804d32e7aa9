export type { BoundsDeg, EpochS, ForcingQuantity, VectorField } from './vector_field.js';
export { ConstantField, describeVector } from './constant_field.js';
export { FallbackChain } from './fallback_chain.js';
export type { GridLocator } from './grid_locator.js';
export { RegularLonLatGrid } from './regular_grid.js';
export { CurvilinearGrid } from './curvilinear_grid.js';
export type { CurvilinearGridOptions } from './curvilinear_grid.js';
export { GriddedField } from './gridded_field.js';
export type { GriddedFieldInit, GriddedValues } from './gridded_field.js';
