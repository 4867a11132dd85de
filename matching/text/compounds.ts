// Compounds whose first part is a stop word. Written "by-product", "by product" or "byproduct",
// they are one term ("byproduct"): dropping the stop word would leave "product", which pulled
// every text that mentions a product towards the waste and residue synonyms.
const COMPOUNDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['by', new Set(['product', 'products'])]]);

/** Whether a (folded) word can start such a compound. */
export function isCompoundHead(word: string): boolean {
  return COMPOUNDS.has(word);
}

/** The joined word when `head word` is a known compound ("by", "products" → "byproducts"). */
export function compoundOf(head: string, word: string): string | undefined {
  return COMPOUNDS.get(head)?.has(word) ? head + word : undefined;
}
