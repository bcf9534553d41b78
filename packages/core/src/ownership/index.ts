/**
 * Ownership suggestions: who should report an indicator the plan names no owner for, and why.
 * Pure; the rules and the remit table are written down in docs/methodology.md.
 */
export { OWNER_REMIT_TABLE, type RemitRule } from './owner-remit.table.js';
export {
  indicatorTerms,
  suggestOwners,
  type OwnerCandidate,
  type OwnerSuggestion,
  type SuggestionDepartment,
  type SuggestionIndicator,
  type SuggestionTask,
} from './suggest-owner.js';
