// Minimal types for the baseline libraries (benchmark only; they ship no declarations).
declare module 'wink-bm25-text-search' {
  interface WinkBm25Engine {
    defineConfig(config: { fldWeights: Record<string, number>; bm25Params?: Record<string, number> }): boolean;
    definePrepTasks(tasks: Array<(input: unknown) => unknown>, field?: string): number;
    addDoc(doc: Record<string, string>, id: string | number): number;
    consolidate(fp?: number): boolean;
    search(text: string, limit?: number): Array<[string, number]>;
  }
  const bm25: () => WinkBm25Engine;
  export default bm25;
}
declare module 'wink-nlp-utils' {
  type Task = (input: never) => unknown;
  const nlp: {
    string: { lowerCase: Task; tokenize0: Task };
    tokens: { removeWords: Task; stem: Task; propagateNegations: Task };
  };
  export default nlp;
}
declare module 'natural/lib/natural/tfidf/tfidf' {
  export default class TfIdf {
    addDocument(document: string | string[], key?: unknown): void;
    tfidfs(terms: string | string[], callback?: (index: number, measure: number, key?: unknown) => void): number[];
  }
}
