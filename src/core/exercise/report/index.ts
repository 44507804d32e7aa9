/** The after-action report of a joint exercise: the model, its layout per reader, HTML with inline SVG maps. */
export type { AfterActionReport, ReportPlan, ReportPocCell, ReportContour, ReportSearch, ReportTimelineEntry, ReportLesson, ReportTimedPoint } from './model.js';
export { afterActionDocument, type AfterActionDocument, type AfterActionBlock } from './report_document.js';
export { renderAfterActionHtml } from './after_action_html.js';
export { drawMap, mapSvg, MAP_COLOURS, type MapDrawing, type ReportMapData, type Xy } from './map_drawing.js';
export { reportCellsOfGrid, reportContoursOfGrid } from './poc_cells.js';
