/** A department's one-page summary drawn as .docx and HTML on the report layout. */
export { renderDepartmentSummaryDocx } from './department-summary-docx.renderer.js';
export { renderDepartmentSummaryHtml } from './department-summary-html.renderer.js';
