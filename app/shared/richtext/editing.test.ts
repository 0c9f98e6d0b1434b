import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editFor, type EditAction, type EditWords } from './editing.ts';
import { parseRichText } from './richtext.ts';

const words: EditWords = {
  heading: 'Titolo',
  bold: 'grassetto',
  italic: 'corsivo',
  item: 'voce',
  link: 'testo',
  column: (n) => `Colonna ${n}`,
  cell: 'dato',
  note: 'testo della nota',
};

/** Applies the edit of `action` to a text whose selection is marked with [ and ] (or a single | for the caret). */
function apply(action: EditAction, marked: string) {
  const caret = marked.indexOf('|');
  const start = caret >= 0 ? caret : marked.indexOf('[');
  const end = caret >= 0 ? caret : marked.indexOf(']') - 1;
  const value = marked.replace(caret >= 0 ? '|' : /[[\]]/g, '');
  const e = editFor(action, value, start, end, words);
  const out = value.slice(0, e.from) + e.insert + value.slice(e.to);
  return { text: out, selected: out.slice(e.selectFrom, e.selectTo) };
}

describe('editFor', () => {
  test('bold and italics wrap the selection, keeping spaces outside the marks, and unwrap it on a second press', () => {
    assert.deepEqual(apply('bold', 'Il [Piano ]di Zona'), { text: 'Il **Piano** di Zona', selected: 'Piano' });
    assert.deepEqual(apply('bold', 'Il **[Piano]** di Zona'), { text: 'Il Piano di Zona', selected: 'Piano' });
    assert.deepEqual(apply('bold', 'Il [**Piano**] di Zona'), { text: 'Il Piano di Zona', selected: 'Piano' });
    assert.deepEqual(apply('italic', 'un [testo]'), { text: 'un *testo*', selected: 'testo' });
    assert.deepEqual(apply('italic', 'un *[testo]*'), { text: 'un testo', selected: 'testo' });
    // A single star next to a bold mark is not italics: the selection inside **…** gets italics.
    assert.deepEqual(apply('italic', 'un **[testo]**'), { text: 'un ***testo***', selected: 'testo' });
  });

  test('with nothing selected, the marks come with a placeholder, selected to be typed over', () => {
    assert.deepEqual(apply('bold', 'Testo |'), { text: 'Testo **grassetto**', selected: 'grassetto' });
    assert.deepEqual(apply('italic', '|'), { text: '*corsivo*', selected: 'corsivo' });
  });

  test('heading, bulleted and numbered lists act on the whole lines selected, and toggle', () => {
    assert.deepEqual(apply('heading', 'Prima\nIntro[duzione]\nDopo'), { text: 'Prima\n## Introduzione\nDopo', selected: '## Introduzione' });
    assert.deepEqual(apply('heading', '## Intro|duzione'), { text: 'Introduzione', selected: 'Introduzione' });
    assert.deepEqual(apply('bullets', '[Anziani\nDisabilità\n]Minori'), { text: '- Anziani\n- Disabilità\nMinori', selected: '- Anziani\n- Disabilità' });
    assert.deepEqual(apply('bullets', '[- Anziani\n- Disabilità]'), { text: 'Anziani\nDisabilità', selected: 'Anziani\nDisabilità' });
    assert.deepEqual(apply('numbers', '[- Anziani\n\n- Disabilità]'), { text: '1. Anziani\n\n2. Disabilità', selected: '1. Anziani\n\n2. Disabilità' });
    assert.deepEqual(apply('numbers', 'Testo\n|'), { text: 'Testo\n1. voce', selected: 'voce' });
    assert.deepEqual(apply('heading', '|'), { text: '## Titolo', selected: 'Titolo' });
  });

  test('a link takes the selected words and selects the address to type', () => {
    assert.deepEqual(apply('link', 'Vedi [il sito di ATS] ora'), { text: 'Vedi [il sito di ATS](https://) ora', selected: 'https://' });
    assert.deepEqual(apply('link', '|'), { text: '[testo](https://)', selected: 'https://' });
  });

  test('a table goes after the current lines, with blank lines around it, and parses as a table', () => {
    const r = apply('table', 'Testo| sopra\nsotto');
    assert.equal(r.text, 'Testo sopra\n\n| Colonna 1 | Colonna 2 |\n| --- | --- |\n| dato | dato |\n\nsotto');
    assert.equal(r.selected, 'Colonna 1');
    assert.deepEqual(
      parseRichText(r.text).blocks.map((b) => b.t),
      ['paragraph', 'table', 'paragraph'],
    );
  });

  test('a footnote: the next number after the selection, its text at the end, and the note is defined', () => {
    const r = apply('footnote', 'Dato[^1] e altro| dato.\n\n[^1]: Fonte.\n');
    assert.equal(r.text, 'Dato[^1] e altro[^2] dato.\n\n[^1]: Fonte.\n\n[^2]: testo della nota');
    assert.equal(r.selected, 'testo della nota');
    assert.equal(parseRichText(r.text).footnotes.length, 2);
    assert.deepEqual(apply('footnote', '|'), { text: '[^1]: testo della nota'.replace('[^1]: ', '[^1][^1]: '), selected: 'testo della nota' });
  });
});
