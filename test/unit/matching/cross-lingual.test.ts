import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../../matching';
import { bridgeText } from '../../../matching/lang/bridge';
import { detectLanguage } from '../../../matching/lang/detect';
import { termTable } from '../../../matching/lang/table-file';
import { stem } from '../../../matching/text/stem';

// Needs the term table that scripts/ensure-deps.sh builds (data/term-table).
describe('cross-lingual matching', () => {
  it('has a term table with every bridged language', () => {
    const table = termTable();
    expect(table).not.toBeNull();
    expect(table!.languages().sort()).toEqual(['de', 'es', 'fr', 'it', 'pt']);
  });

  it('detects the language of listing texts', () => {
    expect(detectLanguage('Unser Roggenbrot wird nach zwei Tagen altbacken, und im Sommer schimmelt es schon am dritten Tag.')).toBe('de');
    expect(detectLanguage('Nuestra tintorería gasta demasiada agua y los efluentes salen muy coloreados al río.')).toBe('es');
    expect(detectLanguage('Nous cherchons un emballage compostable qui garde nos pâtes fraîches pendant trois semaines.')).toBe('fr');
    expect(detectLanguage('A nossa tinturaria gasta demasiada água e os efluentes saem muito coloridos para o rio.')).toBe('pt');
    expect(detectLanguage('Il nostro caseificio produce troppo siero di latte e non sappiamo come valorizzarlo.')).toBe('it');
    expect(detectLanguage('Our rye bread goes stale after two days and mouldy in summer.')).toBe('en');
  });

  it('gives all translations of one word one unit of weight together', () => {
    for (const [word, lang] of [['Schloss', 'de'], ['banco', 'es'], ['livre', 'fr']] as const) {
      const { terms } = bridgeText(word, lang);
      expect(terms.length).toBeGreaterThan(1);
      expect(terms.reduce((sum, t) => sum + t.weight, 0)).toBeCloseTo(1, 2);
    }
  });

  it('bridges Romance cognates the dictionaries lack, after accent folding', () => {
    const terms = bridgeText('fermentación', 'es').terms.map((t) => t.term);
    expect(terms).toContain(stem('fermentation'));
  });

  it('ranks English outputs for a German and a Spanish query, and shows the words as written', () => {
    const index = new MatchIndex();
    index.add('bread', { title: 'Longer shelf life for sourdough bread', body: 'Lactic acid bacteria in the sourdough keep rye and wheat bread from going mouldy for longer without preservatives.' });
    index.add('dye', { title: 'Ozone treatment of textile dyeing wastewater', body: 'Catalytic ozonation removes colour from dye house effluent so the water can be reused.' });
    index.add('battery', { title: 'Battery health monitoring for forklifts', body: 'Impedance measurements estimate the state of health of lead-acid and lithium batteries.' });

    const german = index.search({ title: 'Unser Brot schimmelt zu schnell', body: 'Unser Roggenbrot schimmelt im Sommer nach drei Tagen. Wir wollen keine Konservierungsstoffe.', lang: 'de' }, { k: 3 });
    expect(german[0]!.id).toBe('bread');
    // A bridge shows the German word as written ("Roggenbrot") beside the output's English word.
    const germanText = 'Unser Brot schimmelt zu schnell Unser Roggenbrot schimmelt im Sommer nach drei Tagen. Wir wollen keine Konservierungsstoffe.';
    const germanWords = new Set(germanText.split(/[^\p{L}]+/u));
    expect(german[0]!.sharedTerms.some((t) => t.via !== undefined && germanWords.has(t.via))).toBe(true);

    const spanish = index.search({ title: 'Aguas residuales de nuestra tintorería', body: 'El agua del teñido sale muy coloreada y queremos reutilizarla.', lang: 'es' }, { k: 3 });
    expect(spanish[0]!.id).toBe('dye');
    const spanishWords = new Set('Aguas residuales de nuestra tintorería El agua del teñido sale muy coloreada y queremos reutilizarla'.split(' '));
    expect(spanish[0]!.sharedTerms.some((t) => t.via !== undefined && spanishWords.has(t.via))).toBe(true);
  });

  it('matches two non-English texts through English (Portuguese need, Spanish and German outputs)', () => {
    const index = new MatchIndex();
    index.add('es-dye', { title: 'Tratamiento con ozono de las aguas residuales del teñido textil', body: 'La ozonización elimina el color de los efluentes de las tintorerías para reutilizar el agua.', lang: 'es' });
    index.add('de-air', { title: 'Druckluftleckagen mit Ultraschall finden', body: 'Eine Ultraschallkamera findet Leckagen in Druckluftleitungen und schätzt die Energiekosten.', lang: 'de' });
    const hits = index.search({ title: 'Efluente corado da nossa tinturaria', body: 'A água residual do tingimento sai muito corada e queremos reutilizar a água.', lang: 'pt' }, { k: 2 });
    expect(hits[0]!.id).toBe('es-dye');
    // Shared through English, not only through spellings the two languages happen to share.
    expect(hits[0]!.sharedTerms.some((t) => t.via !== undefined)).toBe(true);
  });
});
