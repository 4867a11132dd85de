// Country names for text search: a person types "Portugal" or "Deutschland", listings store "PT"
// and "DE". Names come from the runtime's ICU data (Intl.DisplayNames), in the languages of the
// people the platform serves, so no list of names is kept here.

const SEARCH_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it'] as const;
const displayNames = SEARCH_LANGUAGES.map((language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
const cache = new Map<string, string[]>();

/** The distinct names of an ISO 3166-1 alpha-2 country in the search languages ([] for an unknown code). */
export function countryNames(code: string): string[] {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return [];
  let names = cache.get(upper);
  if (!names) {
    names = [...new Set(displayNames.map((names) => names.of(upper)).filter((name): name is string => !!name && name !== upper))];
    cache.set(upper, names);
  }
  return names;
}
