/**
 * CSV for spreadsheets (RFC 4180) that cannot run formulas: a cell starting with = + - @ or a tab
 * or carriage return would be evaluated by Excel or LibreOffice (CSV injection), so it gets a
 * leading apostrophe, the OWASP-recommended neutralisation.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
