import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitTerms, termMatchers } from './terms.ts';

describe('splitTerms', () => {
  const terms = ['Piano di Zona', 'Ufficio di Piano', 'LEPS', 'PUA', 'Piano'];
  const matchers = termMatchers(terms);

  test('marks the first occurrence of each term only, case-insensitively, across the texts of a document', () => {
    const seen = new Set<number>();
    assert.deepEqual(splitTerms("L'ufficio di piano scrive il Piano di Zona e i LEPS.", matchers, seen), [
      "L'",
      { term: 1, text: 'ufficio di piano' },
      ' scrive il ',
      { term: 0, text: 'Piano di Zona' },
      ' e i ',
      { term: 2, text: 'LEPS' },
      '.',
    ]);
    // Already seen: the second text keeps them as plain text, but a new term is still marked.
    assert.deepEqual(splitTerms('Il Piano di Zona attua i LEPS con il PUA.', matchers, seen), [
      'Il Piano di Zona attua i LEPS con il ',
      { term: 3, text: 'PUA' },
      '.',
    ]);
  });

  test('whole words only (letters with accents count as letters), any spacing between the words of a term', () => {
    const seen = new Set<number>();
    assert.deepEqual(splitTerms('PUAx e xPUA e PUAè non sono termini; il Piano\ndi   Zona sì.', matchers, seen), [
      'PUAx e xPUA e PUAè non sono termini; il ',
      { term: 0, text: 'Piano\ndi   Zona' },
      ' sì.',
    ]);
  });

  test('at the same position the longest term wins; a shorter one inside it is found later in the text', () => {
    const seen = new Set<number>();
    assert.deepEqual(splitTerms('Piano di Zona, poi Piano.', matchers, seen), [{ term: 0, text: 'Piano di Zona' }, ', poi ', { term: 4, text: 'Piano' }, '.']);
  });

  test('terms with signs of regular expressions are taken literally; empty terms are ignored', () => {
    const m = termMatchers(['Fondo (FNA)', '   ', 'a.b']);
    assert.equal(m.length, 2);
    assert.deepEqual(splitTerms('Il Fondo (FNA) e axb e a.b', m, new Set()), ['Il ', { term: 0, text: 'Fondo (FNA)' }, ' e axb e ', { term: 2, text: 'a.b' }]);
  });

  test('a text with no term comes back whole', () => {
    assert.deepEqual(splitTerms('niente', matchers, new Set()), ['niente']);
    assert.deepEqual(splitTerms('', matchers, new Set()), []);
  });
});
