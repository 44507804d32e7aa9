export type { BoundsDeg, EpochS, ForcingQuantity, VectorField } from './vector_field.js';
export { ConstantField, describeVector } from './constant_field.js';
export { FallbackChain } from './fallback_chain.js';
