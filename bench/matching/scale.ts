// Scale: synthetic Zipf corpora of 10k documents (against natural's TfIdf) and 100k documents
// (build rate, query latency, heap, incremental add). Documents are generated in batches outside
// the timed sections and dropped after indexing, so the heap holds the index, not the corpus.
import { MatchIndex } from '../../matching/index/match-index';
import { naturalTfIdf } from './baselines';
import { log, percentile, round, timeEach } from './stats';
import { syntheticDoc, syntheticQueries, ZipfVocabulary, type SyntheticDoc } from './synthetic-corpus';

const VOCABULARY = new ZipfVocabulary(50_000, 1.0);
const QUERY_COUNT = 200;
const WARMUP = 20;

function buildIndex(seed: number, docs: number, onBatch?: (batch: SyntheticDoc[]) => void) {
  const index = new MatchIndex();
  let words = 0;
  let ms = 0;
  for (let start = 0; start < docs; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, docs - start) }, (_, j) => syntheticDoc(VOCABULARY, seed, start + j));
    const t = performance.now();
    for (const doc of batch) index.add(doc.id, { title: doc.title, body: doc.body, lang: 'en' });
    ms += performance.now() - t;
    for (const doc of batch) words += doc.words;
    onBatch?.(batch);
    if ((start / 1000) % 10 === 9) log(`  indexed ${start + batch.length} docs`);
  }
  return { index, words, seconds: ms / 1000 };
}

function queryLatencies(index: MatchIndex, queries: string[]): number[] {
  for (const q of queries.slice(0, WARMUP)) index.search(q, { k: 10 });
  return timeEach(queries, (q) => index.search(q, { k: 10 }));
}

export function runScale10k() {
  log('scale 10k: building engine index and natural TfIdf');
  const natural = naturalTfIdf();
  const { index } = buildIndex(11, 10_000, (batch) => batch.forEach((d) => natural.add(d.id, `${d.title} ${d.body}`)));
  const queries = syntheticQueries(VOCABULARY, 12, QUERY_COUNT);
  const ours = queryLatencies(index, queries);
  // natural scores every document per query: 40 queries are enough for a stable median.
  const naturalTimes = timeEach(queries.slice(0, 40), (q) => natural.search(q, 10));
  const p50 = percentile(ours, 50);
  const naturalP50 = percentile(naturalTimes, 50);
  log(`scale 10k: engine p50 ${p50.toFixed(3)} ms, natural p50 ${naturalP50.toFixed(1)} ms`);
  return {
    docs: 10_000,
    queryP50Ms: round(p50),
    queryP95Ms: round(percentile(ours, 95)),
    naturalTfidfP50Ms: round(naturalP50),
    speedupVsNatural: round(naturalP50 / p50, 1),
  };
}

export function runScale100k(gc: (() => void) | undefined) {
  gc?.();
  const heapBefore = heapBytes();
  log('scale 100k: building index');
  const { index, words, seconds } = buildIndex(21, 100_000);
  gc?.();
  const heap = heapBytes();
  log(`scale 100k: built in ${seconds.toFixed(1)} s; heap ${(heap / 2 ** 20).toFixed(0)} MB`);
  const queries = syntheticQueries(VOCABULARY, 22, QUERY_COUNT);
  const latencies = queryLatencies(index, queries);
  const unexplained = timeEach(queries, (q) => index.search(q, { k: 10, explain: false }));
  const extra = Array.from({ length: 200 }, (_, i) => syntheticDoc(VOCABULARY, 23, i));
  const addTimes = timeEach(extra, (doc) => index.add(`new-${doc.id}`, doc));
  const removeTimes = timeEach(extra, (doc) => index.remove(`new-${doc.id}`));
  return {
    docs: 100_000,
    buildSeconds: round(seconds, 2),
    tokensPerSecond: Math.round(words / seconds),
    queryP50Ms: round(percentile(latencies, 50)),
    queryP95Ms: round(percentile(latencies, 95)),
    heapMB: round(heap / 2 ** 20, 1),
    addOneDocMs: round(percentile(addTimes, 50)),
    details: {
      queryTermsRange: '5–30 words (stop words included, as in real text)',
      queryP99Ms: round(percentile(latencies, 99)),
      rankingOnlyP50Ms: round(percentile(unexplained, 50)),
      rankingOnlyP95Ms: round(percentile(unexplained, 95)),
      addOneDocP95Ms: round(percentile(addTimes, 95)),
      removeOneDocP50Ms: round(percentile(removeTimes, 50)),
      heapMeasure: `${gc ? 'after forced GC' : 'without GC'}: V8 heapUsed + ArrayBuffers (typed-array postings) of the whole process`,
      heapBeforeBuildMB: round(heapBefore / 2 ** 20, 1),
      rawWords: words,
    },
  };
}

function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
