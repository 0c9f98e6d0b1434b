import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { breakLines, inlineRuns, inlineText, nestedHeadingLevel, textExtent, tokenize, type TextLine, type TextStyle } from './document.text.ts';

// One unit per character, bold characters a half more: enough to check where the lines break.
const measure = (text: string, style: TextStyle) => [...text].length * (style.bold ? 1.5 : 1);
const plain = (text: string) => [{ text, style: {} }];
const texts = (lines: TextLine[]) => lines.map((l) => l.pieces.map((p) => p.text).join(''));

describe('breakLines', () => {
  it('fills each line with the words that fit, keeping the spaces at the line ends out of the width', () => {
    const lines = breakLines(plain('Il piano di zona è lo strumento'), 12, measure);
    assert.deepEqual(texts(lines), ['Il piano di ', 'zona è lo ', 'strumento']);
    assert.deepEqual(
      lines.map((l) => l.width),
      [11, 9, 9],
    );
  });

  it('keeps every character of the text, accents and spaces included, in order', () => {
    const text = 'Attività per anziani: più servizi, città e comunità – «sì» …';
    const lines = breakLines(plain(text), 14, measure);
    assert.equal(texts(lines).join(''), text);
    for (const line of lines) assert.ok(line.width <= 14, `line too wide: ${line.width}`);
  });

  it('cuts a word wider than the line between characters', () => {
    const lines = breakLines(plain('https://www.regione.lombardia.it/piani'), 10, measure);
    assert.deepEqual(texts(lines), ['https://ww', 'w.regione.', 'lombardia.', 'it/piani']);
  });

  it('keeps a footnote reference with the word it follows, and measures bold text as bold', () => {
    const runs = [
      { text: 'Vedi la ', style: {} },
      { text: 'norma', style: { bold: true } },
      { text: '1', style: { noteRef: 1 } },
      { text: ' regionale', style: {} },
    ];
    const lines = breakLines(runs, 14, measure);
    assert.deepEqual(texts(lines), ['Vedi la ', 'norma1 ', 'regionale']);
    assert.deepEqual(
      lines[1].pieces.map((p) => [p.text, p.width]),
      [
        ['norma', 7.5],
        ['1', 1],
        [' ', 1],
      ],
    );
  });

  it('breaks the line at a forced break and merges pieces of the same style', () => {
    const lines = breakLines(
      [
        { text: 'Via Roma 1', style: {} },
        { text: '\n', style: {} },
        { text: 'Gallarate', style: {} },
      ],
      40,
      measure,
    );
    assert.deepEqual(texts(lines), ['Via Roma 1', 'Gallarate']);
    assert.equal(lines[0].pieces.length, 1);
  });

  it('gives no line for an empty text', () => {
    assert.deepEqual(breakLines(plain(''), 10, measure), []);
    assert.deepEqual(breakLines(plain('   '), 10, measure), []);
  });
});

describe('tokenize and textExtent', () => {
  it('does not break at a no-break space (figures with their unit stay together)', () => {
    const tokens = tokenize(plain('1.480.000\u00a0€ spesi'));
    assert.deepEqual(
      tokens.map((t) => t.kind),
      ['word', 'space', 'word'],
    );
  });

  it('gives the widest word and the width on one line', () => {
    assert.deepEqual(textExtent(plain('Servizio di assistenza domiciliare'), measure), { min: 11, max: 34 });
  });
});

describe('inlineRuns', () => {
  it('flattens the rich-text tree, inheriting styles', () => {
    const runs = inlineRuns([
      { t: 'text', text: 'Il ' },
      { t: 'strong', children: [{ t: 'em', children: [{ t: 'text', text: 'LEPS' }] }] },
      { t: 'link', href: 'https://example.org', children: [{ t: 'text', text: ' sito' }] },
      { t: 'footnoteRef', n: 2 },
      { t: 'br' },
      { t: 'code', text: 'A.1' },
    ]);
    assert.deepEqual(runs, [
      { text: 'Il ', style: {} },
      { text: 'LEPS', style: { bold: true, italic: true } },
      { text: ' sito', style: { link: 'https://example.org' } },
      { text: '2', style: { noteRef: 2 } },
      { text: '\n', style: {} },
      { text: 'A.1', style: { code: true } },
    ]);
    assert.equal(
      inlineText([
        { t: 'text', text: 'a' },
        { t: 'strong', children: [{ t: 'text', text: 'b' }] },
      ]),
      'ab',
    );
  });
});

describe('nestedHeadingLevel', () => {
  it('puts the highest heading of a text one level under the heading before it, without skipping levels', () => {
    assert.equal(nestedHeadingLevel(2, 2, 1), 2);
    assert.equal(nestedHeadingLevel(3, 2, 1), 3);
    assert.equal(nestedHeadingLevel(1, 1, 2), 3);
    assert.equal(nestedHeadingLevel(4, 1, 3), 6);
  });
});
