export { CooperationConfigSchema, RevisionSchema } from './config_schema.js';
export type { CooperationConfigFile } from './config_schema.js';
export { loadCooperationConfig, parseCooperationConfig } from './load_config.js';
export { loadPlanFile, parsePlanJson, PlanFileSchema } from './plan_file.js';
export type { PlanFile } from './plan_file.js';
export { renderAnnualReportPdf } from './annual_report_pdf.js';
export { pdfDrawnText, pdfPageCount } from '../pdf/index.js';
