// Finds and reads the term table once per process. This is the matching library's one file
// read: the table is data built at provisioning time (scripts/term-table/ensure.sh), too large
// to pass around, and every entry point (worker, API, benchmarks, tests) needs the same one.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TermTable, type TermTableData } from './term-table';

/** Where scripts/term-table/ensure.sh writes the table (data/ is not in git). */
export const TERM_TABLE_PATH = fileURLToPath(new URL('../../data/term-table/term-table.json', import.meta.url));

let table: TermTable | null | undefined;

/** The loaded table, or null (with one warning) when it was never built on this machine. */
export function termTable(): TermTable | null {
  if (table === undefined) {
    if (existsSync(TERM_TABLE_PATH)) {
      table = new TermTable(JSON.parse(readFileSync(TERM_TABLE_PATH, 'utf8')) as TermTableData);
    } else {
      process.stderr.write(`matching: no term table at ${TERM_TABLE_PATH}; run scripts/term-table/ensure.sh (non-English texts are not bridged)\n`);
      table = null;
    }
  }
  return table;
}
