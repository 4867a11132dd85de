// Loads the Cranfield collection from shared/datasets/cranfield beside the repository (or beside
// the folder of worktrees, /work/wt/<branch>, when the repository is a git worktree).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATE_DIRS = ['../../../shared/datasets/cranfield/', '../../../../shared/datasets/cranfield/']
  .map((path) => fileURLToPath(new URL(path, import.meta.url)));
export const CRANFIELD_DIR = CANDIDATE_DIRS.find((dir) => existsSync(dir)) ?? CANDIDATE_DIRS[0]!;

export interface CranfieldDoc { id: string; title: string; text: string }
export interface CranfieldQuery { id: string; text: string }

export interface Cranfield {
  docs: CranfieldDoc[];
  queries: CranfieldQuery[];
  /** query id → doc id → grade */
  qrels: Map<string, Map<string, number>>;
}

const jsonLines = <T>(file: string): T[] =>
  readFileSync(CRANFIELD_DIR + file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

export function loadCranfield(): Cranfield {
  const qrels = new Map<string, Map<string, number>>();
  const lines = readFileSync(CRANFIELD_DIR + 'qrels.tsv', 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [query, doc, grade] = line.trim().split('\t');
    if (!query || !doc || grade === undefined) continue;
    if (!qrels.has(query)) qrels.set(query, new Map());
    qrels.get(query)!.set(doc, Number(grade));
  }
  return { docs: jsonLines('docs.jsonl'), queries: jsonLines('queries.jsonl'), qrels };
}
