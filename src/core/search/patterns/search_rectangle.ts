/**
 * A rectangular search area (IAMSAR Manual Vol. II, chapter 5: search areas are drawn as
 * rectangles with a major axis), given by its centre, or by the corner where a parallel sweep or
 * creeping line search starts.
 */
import { InvalidInputError } from '../../errors.js';
import type { LonLatDeg } from '../../geo/lon_lat.js';
import { requireBearing, requirePosition, requirePositive } from './pattern_inputs.js';

interface RectangleSize {
  /** Along the major axis, NM. */
  readonly lengthNm: number;
  /** Along the minor axis, NM. */
  readonly widthNm: number;
  /** True bearing of the major axis, degrees (either end: 30 and 210 are the same axis). */
  readonly orientationDeg: number;
}

/**
 * A search rectangle. With `corner`, the corner is where the pattern starts (the CSP lies S/2
 * inside it): the rectangle extends from it along the first leg and towards the first turn.
 */
export type SearchRectangle =
  | (RectangleSize & { readonly centre: LonLatDeg })
  | (RectangleSize & { readonly corner: LonLatDeg });

/** A checked rectangle: which point was given, and the size. */
export interface CheckedRectangle extends RectangleSize {
  readonly reference: 'centre' | 'corner';
  readonly position: LonLatDeg;
}

/** Check a search rectangle; InvalidInputError names `field`.<part> when it is impossible. */
export function checkSearchRectangle(field: string, area: unknown): CheckedRectangle {
  if (typeof area !== 'object' || area === null) {
    throw new InvalidInputError(field, 'must give centre or corner, lengthNm, widthNm and orientationDeg');
  }
  const a = area as Partial<RectangleSize> & { centre?: unknown; corner?: unknown };
  if ((a.centre === undefined) === (a.corner === undefined)) {
    throw new InvalidInputError(field, 'give exactly one of centre and corner');
  }
  const reference = a.centre !== undefined ? 'centre' : 'corner';
  return {
    reference,
    position: requirePosition(`${field}.${reference}`, a[reference]),
    lengthNm: requirePositive(`${field}.lengthNm`, a.lengthNm),
    widthNm: requirePositive(`${field}.widthNm`, a.widthNm),
    orientationDeg: requireBearing(`${field}.orientationDeg`, a.orientationDeg),
  };
}
