/** The user sheet (.xlsx) of a bulk user import: reading and its template. */
export { readUserSheet, writeUserSheetTemplate, type UserSheetRead } from './user-sheet.reader.js';
