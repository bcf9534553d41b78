/** The major-project register (重大项目库): model, 项目代码 check, ledger parsing and status rules. */
export type * from './project.types.js';
export { PROJECT_STAGES, allowedTransitions, checkTransition } from './project-lifecycle.js';
export { PROJECT_CODE_LENGTH, checkProjectCode, type ProjectCodeProblem } from './project-code.js';
export { parseMoneyWan, unitInText, type MoneyParse, type MoneyUnit } from './project-money.js';
export { parseYearRange, type YearRange, type YearRangeParse } from './project-years.js';
export {
  projectStatus,
  type ProjectHealth,
  type ProjectStatus,
  type ProjectStatusInput,
} from './project-status.js';
