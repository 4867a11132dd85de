import { describe, expect, it } from 'vitest';
import { analyze, foldText, guessLanguage, isStopWord, MatchIndex, stem, tokenize } from '../../../matching';

const texts = (text: string) => tokenize(text).map((t) => t.text);

describe('normalisation', () => {
  it('folds case and diacritics', () => {
    expect(foldText('Énergie Électrique ÇA')).toBe('energie electrique ca');
    expect(texts('Crème brûlée, São Paulo')).toEqual(['creme', 'brulee', 'sao', 'paulo']);
  });

  it('drops punctuation between tokens', () => {
    expect(texts('model-predictive control (MPC); heat/cold!')).toEqual(['model', 'predictive', 'control', 'mpc', 'heat', 'cold']);
  });
});

describe('numbers with units', () => {
  it('keeps a number and its unit as one term', () => {
    expect(texts('a 5 kW heater')).toContain('5kw');
    expect(texts('films of 20 µm')).toContain('20um');
    expect(texts('losses of 3.5% per year')).toContain('3.5%');
    expect(texts('at 1,5 bar and 200 °C')).toEqual(expect.arrayContaining(['1.5bar', '200°c']));
  });

  it('marks quantities and leaves them unstemmed and never stop words', () => {
    const [token] = tokenize('12 kWh');
    expect(token).toEqual({ text: '12kwh', quantity: true });
    expect(analyze('12 kWh batteries').terms).toEqual(['12kwh', 'batteri']);
  });

  it('does not read words as units', () => {
    expect(texts('3D printing')).toEqual(['3d', 'printing']);
    expect(texts('5 mice')).toEqual(['5', 'mice']);
  });
});

describe('stop words', () => {
  it('drops general and domain stop words', () => {
    for (const word of ['the', 'and', 'novel', 'method', 'system', 'approach', 'present', 'invention', 'based']) {
      expect(isStopWord(word)).toBe(true);
    }
    expect(analyze('A novel method based on the present invention for battery cooling').terms).toEqual(['batteri', 'cool']);
  });

  it('keeps content words', () => {
    expect(isStopWord('battery')).toBe(false);
    expect(isStopWord('corrosion')).toBe(false);
  });
});

describe('stemming per language', () => {
  it('uses Porter for English', () => {
    expect(stem('batteries', 'en')).toBe(stem('battery', 'en'));
    expect(stem('connections', 'en')).toBe('connect');
  });

  it('uses the French and Spanish Porter stemmers', () => {
    expect(stem('énergétiques'.normalize('NFKD').replace(/\p{M}/gu, ''), 'fr')).toBe('energet');
    expect(stem('baterías'.normalize('NFKD').replace(/\p{M}/gu, ''), 'es')).toBe(stem('bateria', 'es'));
  });

  it('guesses the language from function words', () => {
    expect(guessLanguage(texts('Les fours de la boulangerie consomment trop pour nous'))).toBe('fr');
    expect(guessLanguage(texts('Los hornos de la panadería consumen demasiado para nosotros y su gas'))).toBe('es');
    expect(guessLanguage(texts('The ovens of the bakery use too much gas'))).toBe('en');
    expect(analyze('Nous cherchons une solution pour les batteries').lang).toBe('fr');
  });
});

describe('phrase terms', () => {
  it('adds adjacent pairs only when asked', () => {
    expect(analyze('heat transfer coefficient').terms).toEqual(['heat', 'transfer', 'coeffici']);
    expect(analyze('heat transfer coefficient', { phrases: true }).terms).toEqual([
      'heat', 'transfer', 'coeffici', 'heat transfer', 'transfer coeffici',
    ]);
  });
});

describe('readable words', () => {
  it('shows the most frequent surface word of a stem in explanations', () => {
    const index = new MatchIndex({ expansion: { synonyms: false } });
    index.add('a', { title: 'Battery ageing', body: 'battery battery batteries degradation' });
    index.add('b', { title: 'Batteries', body: 'battery health estimation' });
    const [hit] = index.search('batteries degrading', { k: 1 });
    const words = hit!.sharedTerms.map((t) => t.word);
    expect(words).toContain('battery');
    expect(words).toContain('degradation');
    expect(words).not.toContain('batteri');
  });
});
