import { CurvilinearGrid, GriddedField, RegularLonLatGrid } from '../../core/environment/index.js';

/** The classes a ForcingFile's fields are made of, rebuilt after they cross a worker boundary. */
export const FORCING_CLASSES = { GriddedField, RegularLonLatGrid, CurvilinearGrid } as const;
