// The language a listing is written in: detected from its public text when it is created or its
// text changes, and correctable by its owner (PATCH `language`). Matching analyses the text in
// this language and bridges it to English (matching/lang).
import { detectLanguage } from '../../../matching/lang/detect';
import { LANGUAGES, type Language } from '../../../matching/taxonomy';
import { StringEnum } from './schema';

export const LanguageSchema = StringEnum(LANGUAGES, {
  description: 'ISO 639-1 code of the language the text is written in; detected when absent, the owner may correct it',
});

/** On create: the language given, else the one detected in the public text. */
export function languageOnCreate(given: Language | undefined, publicText: string): Language {
  return given ?? detectLanguage(publicText);
}

/**
 * On update: the language given wins; otherwise a change of the public text is detected anew
 * (the old language may not fit the new text); otherwise nothing changes.
 */
export function languageOnUpdate(given: Language | undefined, textChanged: boolean, publicText: () => string): Language | undefined {
  if (given !== undefined) return given;
  return textChanged ? detectLanguage(publicText()) : undefined;
}
