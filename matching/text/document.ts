// A document (need, research output or free query) as weighted term frequencies per field.
import type { Language } from '../taxonomy';
import { analyzeBridgedDoc } from '../lang/bridged-doc';
import { canBridge } from '../lang/bridge';
import { isBridged } from '../lang/languages';
import { analyze } from './analyzer';
import type { SurfaceForms } from './surface-forms';

export interface TextDoc {
  title: string;
  body: string;
  lang?: Language;
}

export interface FieldCounts {
  title: number;
  body: number;
}

export interface AnalyzedDoc {
  lang: Language;
  /** term → occurrences in title and body */
  counts: Map<string, FieldCounts>;
  titleLength: number;
  bodyLength: number;
  /** For a text bridged from another language: English term → the source word as written. */
  bridges?: Map<string, string>;
}

export function toTextDoc(query: TextDoc | string): TextDoc {
  return typeof query === 'string' ? { title: '', body: query } : query;
}

export function analyzeDoc(doc: TextDoc, options: { phrases?: boolean; surfaces?: SurfaceForms } = {}): AnalyzedDoc {
  // A text in a bridged language is analysed into the English term space (matching/lang).
  if (doc.lang !== undefined && isBridged(doc.lang) && canBridge(doc.lang)) return analyzeBridgedDoc(doc, doc.lang);
  // The body is longer, so it decides the language; the title follows it.
  const body = analyze(doc.body, { ...options, lang: doc.lang ?? (doc.body.trim() ? undefined : 'en') });
  const lang = doc.lang ?? (doc.body.trim() ? body.lang : analyze(doc.title).lang);
  const title = analyze(doc.title, { ...options, lang });
  const counts = new Map<string, FieldCounts>();
  for (const term of title.terms) {
    const c = counts.get(term);
    if (c) c.title++;
    else counts.set(term, { title: 1, body: 0 });
  }
  for (const term of body.terms) {
    const c = counts.get(term);
    if (c) c.body++;
    else counts.set(term, { title: 0, body: 1 });
  }
  // Phrase terms are extra evidence, not extra words: lengths count single terms only.
  return { lang, counts, titleLength: singles(title.terms), bodyLength: singles(body.terms) };
}

function singles(terms: readonly string[]): number {
  let n = 0;
  for (const term of terms) if (!term.includes(' ')) n++;
  return n;
}
