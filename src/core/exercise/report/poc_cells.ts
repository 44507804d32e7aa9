import { containmentContours, fromLocal, type PocGrid } from '../../probability/index.js';
import type { ReportContour, ReportPocCell } from './model.js';

/**
 * The cells of a POC grid that hold probability, as lon/lat squares for the report's map (the
 * grid's cells are squares in its local frame). Cells below `minPoc` are left out (a map of
 * thousands of near-empty cells only makes the file large).
 */
export function reportCellsOfGrid(grid: PocGrid, minPoc = 0): ReportPocCell[] {
  const out: ReportPocCell[] = [];
  for (let j = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++) {
      const poc = grid.poc[j * grid.nx + i];
      if (!(poc > minPoc)) continue;
      const x0 = grid.x0M + i * grid.cellSizeM, y0 = grid.y0M + j * grid.cellSizeM;
      const x1 = x0 + grid.cellSizeM, y1 = y0 + grid.cellSizeM;
      out.push({ poc, corners: [fromLocal(grid.frame, x0, y0), fromLocal(grid.frame, x1, y0), fromLocal(grid.frame, x1, y1), fromLocal(grid.frame, x0, y1)] });
    }
  }
  return out;
}

/** The 50 % and 90 % containment contours of a grid (core/probability containmentContours) as report rings. */
export function reportContoursOfGrid(grid: PocGrid, levels: readonly number[] = [0.5, 0.9]): ReportContour[] {
  return containmentContours(grid, levels).features.map((f) => ({
    containment: f.properties.containment,
    rings: f.geometry.coordinates.flatMap((polygon) => polygon.map((ring) => ring.map(([lonDeg, latDeg]) => ({ lonDeg, latDeg })))),
  }));
}
