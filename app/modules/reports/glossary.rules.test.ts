import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byInitial, compareTerms, initialOf, slugify } from './glossary.rules.ts';

test('slugify: lower case, accents removed, other signs as single hyphens', () => {
  assert.equal(slugify('Ufficio di Piano'), 'ufficio-di-piano');
  assert.equal(slugify('Co-programmazione'), 'co-programmazione');
  assert.equal(slugify('Servizio di Assistenza Domiciliare (SAD)'), 'servizio-di-assistenza-domiciliare-sad');
  assert.equal(slugify('Povertà  educativa'), 'poverta-educativa');
  assert.equal(slugify('L’Équipe «multidisciplinare»'), 'l-equipe-multidisciplinare');
  assert.equal(slugify('ISEE'), 'isee');
  assert.equal(slugify(' — '), '');
  assert.ok(slugify('a'.repeat(200)).length <= 80);
});

test('the alphabetical order ignores case and accents, the way an Italian reader sorts', () => {
  const terms = ['UVM', 'assemblea dei Sindaci', 'Équipe', 'ADI', 'Ambito territoriale sociale', 'Dopo di Noi', 'ISEE'].map((term) => ({ term }));
  assert.deepEqual(
    [...terms].sort(compareTerms).map((t) => t.term),
    ['ADI', 'Ambito territoriale sociale', 'assemblea dei Sindaci', 'Dopo di Noi', 'Équipe', 'ISEE', 'UVM'],
  );
});

test('terms are listed under their initial, accents removed; digits and signs under #, first', () => {
  assert.equal(initialOf('Équipe'), 'E');
  assert.equal(initialOf('328/2000'), '#');
  assert.deepEqual(
    byInitial([{ term: 'PUA' }, { term: 'ADI' }, { term: 'PIPPI' }, { term: '«Dopo di Noi»' }, { term: 'Assemblea' }]).map((g) => [
      g.letter,
      g.terms.map((t) => t.term),
    ]),
    [
      ['#', ['«Dopo di Noi»']],
      ['A', ['ADI', 'Assemblea']],
      ['P', ['PIPPI', 'PUA']],
    ],
  );
});
