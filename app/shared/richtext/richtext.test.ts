import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRichText, richTextPlain, RICH_TEXT_MAX_LENGTH, safeHref, validateRichText } from './richtext.ts';
import type { RichDoc } from './richtext.types.ts';

const text = (t: string) => ({ t: 'text' as const, text: t });
const para = (...children: RichDoc['blocks'][number] extends infer B ? (B extends { t: 'paragraph'; children: infer C } ? C : never) : never) => ({
  t: 'paragraph' as const,
  children,
});

describe('parseRichText', () => {
  test('paragraphs with bold, italics, code, line breaks; soft breaks are spaces', () => {
    const doc = parseRichText('Il **Piano di Zona** è *triennale*: `2025-2027`.\nSeconda riga  \ndopo un a capo.');
    assert.deepEqual(doc, {
      blocks: [
        para(
          text('Il '),
          { t: 'strong', children: [text('Piano di Zona')] },
          text(' è '),
          { t: 'em', children: [text('triennale')] },
          text(': '),
          { t: 'code', text: '2025-2027' },
          text('. Seconda riga'),
          { t: 'br' },
          text('dopo un a capo.'),
        ),
      ],
      footnotes: [],
    });
  });

  test('headings are kept up to level 4; deeper ones are clamped to 4', () => {
    const doc = parseRichText('# Uno\n\n## Due\n\n#### Quattro\n\n##### Cinque\n\n###### Sei');
    assert.deepEqual(
      doc.blocks.map((b) => (b.t === 'heading' ? b.level : null)),
      [1, 2, 4, 4, 4],
    );
  });

  test('only http, https, mailto and site-relative links survive; the others keep their words as text', () => {
    const doc = parseRichText(
      '[a](https://www.regione.lombardia.it) [b](mailto:udp@comune.gallarate.va.it) [c](/ambiti/gallarate/glossario#ufficio-di-piano) ' +
        '[d](javascript:alert(1)) [e](data:text/html,x) [f](//evil.example) [g](vbscript:x) [h](relativo.html) <https://x.it> <javascript:alert(1)>',
    );
    const p = doc.blocks[0]!;
    assert.equal(p.t, 'paragraph');
    const links = p.t === 'paragraph' ? p.children.filter((c) => c.t === 'link') : [];
    assert.deepEqual(
      links.map((l) => (l.t === 'link' ? l.href : '')),
      ['https://www.regione.lombardia.it', 'mailto:udp@comune.gallarate.va.it', '/ambiti/gallarate/glossario#ufficio-di-piano', 'https://x.it'],
    );
    assert.equal(richTextPlain(doc), 'a b c d e f g h https://x.it javascript:alert(1)');
  });

  test('raw HTML is never markup: it stays text', () => {
    const doc = parseRichText('<script>alert(1)</script>\n\nTesto <b onclick="x()">forte</b>');
    assert.deepEqual(doc.blocks, [para(text('<script>alert(1)</script>')), para(text('Testo <b onclick="x()">forte</b>'))]);
  });

  test('bulleted, numbered (with start), nested and loose lists', () => {
    const doc = parseRichText('- Albizzate\n- Cairate\n  - frazione\n\n3. terzo\n4. quarto\n\n- a\n\n- b');
    assert.deepEqual(doc.blocks, [
      {
        t: 'list',
        ordered: false,
        tight: true,
        items: [[para(text('Albizzate'))], [para(text('Cairate')), { t: 'list', ordered: false, tight: true, items: [[para(text('frazione'))]] }]],
      },
      { t: 'list', ordered: true, start: 3, tight: true, items: [[para(text('terzo'))], [para(text('quarto'))]] },
      { t: 'list', ordered: false, tight: false, items: [[para(text('a'))], [para(text('b'))]] },
    ]);
  });

  test('GFM tables with alignment, header and rows', () => {
    const doc = parseRichText('| Comune | Popolazione |\n|:--|--:|\n| Gallarate | 54.000 |\n| **Totale** | 122.855 |');
    assert.deepEqual(doc.blocks, [
      {
        t: 'table',
        align: ['left', 'right'],
        header: [[text('Comune')], [text('Popolazione')]],
        rows: [
          [[text('Gallarate')], [text('54.000')]],
          [[{ t: 'strong', children: [text('Totale')] }], [text('122.855')]],
        ],
      },
    ]);
  });

  test('footnotes are numbered 1…n in order of first reference, whatever their labels, and a repeated reference keeps its number', () => {
    const doc = parseRichText('Primo[^fonte] e secondo[^a] e ancora[^fonte].\n\n[^a]: Nota A.\n[^fonte]: Piano di Zona 2025-2027, p. 25.');
    assert.deepEqual(doc.blocks, [
      para(text('Primo'), { t: 'footnoteRef', n: 1 }, text(' e secondo'), { t: 'footnoteRef', n: 2 }, text(' e ancora'), { t: 'footnoteRef', n: 1 }, text('.')),
    ]);
    assert.deepEqual(doc.footnotes, [
      { n: 1, blocks: [para(text('Piano di Zona 2025-2027, p. 25.'))] },
      { n: 2, blocks: [para(text('Nota A.'))] },
    ]);
  });

  test('quotes, code blocks (as lines of code), images (their description) and rules', () => {
    const doc = parseRichText('> citata\n\n```\nuno\ndue\n```\n\n![Grafico 2.1](grafico.png)\n\n---\n\nfine');
    assert.deepEqual(doc.blocks, [
      { t: 'quote', children: [para(text('citata'))] },
      para({ t: 'code', text: 'uno' }, { t: 'br' }, { t: 'code', text: 'due' }),
      para(text('Grafico 2.1')),
      para(text('fine')),
    ]);
  });

  test('an empty text is an empty document', () => {
    assert.deepEqual(parseRichText(''), { blocks: [], footnotes: [] });
  });
});

describe('richTextPlain', () => {
  test('blocks separated by a blank line, list items and table rows on their lines, notes last', () => {
    const doc = parseRichText('## Titolo\n\nTesto[^1] con [link](https://x.it).\n\n1. uno\n2. due\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n[^1]: Fonte.');
    assert.equal(richTextPlain(doc), 'Titolo\n\nTesto[1] con link.\n\n1. uno\n2. due\n\nA | B\n1 | 2\n\n[1] Fonte.');
  });
});

describe('safeHref', () => {
  test('accepts http(s), mailto and site paths; refuses the rest', () => {
    for (const ok of ['https://a.it', 'HTTP://a.it', 'mailto:a@b.it', '/ambiti/x']) assert.equal(safeHref(ok), ok);
    for (const bad of ['javascript:x', 'data:x', '//host', '/\\host', '#anchor', 'file:///etc', 'pagina.html', '', null]) assert.equal(safeHref(bad), null);
  });
});

describe('validateRichText', () => {
  test('a good text has no problems', () => {
    assert.deepEqual(validateRichText('# Titolo\n\nTesto[^1] con [link](https://x.it).\n\n[^1]: Fonte, p. 3.'), []);
  });

  test('names each problem with its line, in Italian, in the order of the text', () => {
    const md = [
      'Introduzione.', // 1
      '', // 2
      'Un testo con [collegamento](javascript:alert(1)) e una nota[^2].', // 3
      '', // 4
      '![foto](foto.png)', // 5
      '', // 6
      'Testo <b>in grassetto</b> scritto a mano, ma `<i>` nel codice va bene e \\<p> anche.', // 7
      '', // 8
      '[^3]: nota mai richiamata', // 9
    ].join('\n');
    const problems = validateRichText(md);
    assert.deepEqual(
      problems.map((p) => [p.line, p.message]),
      [
        [
          3,
          'Riga 3: il collegamento «javascript:alert(1)» non è ammesso (solo indirizzi che iniziano con https://, http://, mailto: o pagine di Cantiere che iniziano con /).',
        ],
        [3, 'Riga 3: la nota [^2] è richiamata ma non è scritta; aggiungi in fondo la riga «[^2]: testo della nota».'],
        [5, 'Riga 5: le immagini non sono ammesse nel testo; descrivi il contenuto a parole o metti un collegamento.'],
        [7, 'Riga 7: il tag «<b>» non è ammesso; usa i pulsanti dell’editor o i segni di formattazione (**grassetto**, *corsivo*, - elenco).'],
        [9, 'Riga 9: la nota [^3] è scritta ma non è richiamata nel testo; scrivi [^3] dove serve o toglila.'],
      ],
    );
  });

  test('finds the line of a bad link inside a paragraph of several lines and inside a table', () => {
    const md = 'Prima riga\nseconda riga\nterza con [x](ftp://server/file)\n\n| A |\n|---|\n| [y](data:text/html,z) |';
    assert.deepEqual(
      validateRichText(md).map((p) => p.line),
      [3, 7],
    );
  });

  test('a text longer than 200.000 characters is refused with its length', () => {
    const problems = validateRichText('a'.repeat(RICH_TEXT_MAX_LENGTH + 1));
    assert.deepEqual(
      problems.map((p) => [p.line, p.message]),
      [[null, 'Il testo è lungo 200.001 caratteri: al massimo 200.000.']],
    );
    assert.deepEqual(validateRichText('a'.repeat(RICH_TEXT_MAX_LENGTH)), []);
  });

  test('speaks the language asked', () => {
    assert.equal(validateRichText('[x](javascript:y)', 'en')[0]!.message.startsWith('Line 1: the link «javascript:y» is not allowed'), true);
  });
});
