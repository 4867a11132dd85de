// A non-English document in the English term space: bridge.ts per field, fractional counts
// (a word's alternatives share its one occurrence), and the source word behind each English term.
import type { AnalyzedDoc, FieldCounts, TextDoc } from '../text/document';
import { bridgeText } from './bridge';
import type { BridgedLanguage } from './languages';

export function analyzeBridgedDoc(doc: TextDoc, lang: BridgedLanguage): AnalyzedDoc {
  const counts = new Map<string, FieldCounts>();
  const bridges = new Map<string, string>();
  const add = (text: string, field: keyof FieldCounts) => {
    const bridged = bridgeText(text, lang);
    for (const { term, weight, bridge } of bridged.terms) {
      const c = counts.get(term) ?? { title: 0, body: 0 };
      c[field] += weight;
      counts.set(term, c);
      if (bridge && !bridges.has(term)) bridges.set(term, bridge);
    }
    return bridged.length;
  };
  const titleLength = add(doc.title, 'title');
  const bodyLength = add(doc.body, 'body');
  return { lang, counts, titleLength, bodyLength, bridges };
}
