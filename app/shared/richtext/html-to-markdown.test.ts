import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { decodeEntities, htmlToMarkdown } from './html-to-markdown.ts';
import { parseRichText, richTextPlain, validateRichText } from './richtext.ts';

describe('htmlToMarkdown', () => {
  test('paragraphs, bold, italics and line breaks; whitespace collapsed as HTML does', () => {
    assert.equal(
      htmlToMarkdown('<p>Il <strong>Piano</strong> e il <b>bilancio</b>,\n   <em>con</em> <i>cura</i>.<br>A capo.</p>\n<p>Secondo.</p>'),
      'Il **Piano** e il **bilancio**, *con* *cura*.\\\nA capo.\n\nSecondo.',
    );
  });

  test('what Markdown would read as marks is escaped, and entities are decoded', () => {
    const md = htmlToMarkdown(
      '<p>5 &lt; 6 &amp; *non grassetto* _x_ [y] a|b</p><p>1. non è un elenco</p><p># non è un titolo</p><p>---</p><p>&laquo;citato&raquo; &egrave; &#8364; &#x2013;</p>',
    );
    assert.equal(md, '5 \\< 6 & \\*non grassetto\\* \\_x\\_ \\[y\\] a\\|b\n\n1\\. non è un elenco\n\n\\# non è un titolo\n\n\\---\n\n«citato» è € –');
    assert.equal(richTextPlain(parseRichText(md)), '5 < 6 & *non grassetto* _x_ [y] a|b\n\n1. non è un elenco\n\n# non è un titolo\n\n---\n\n«citato» è € –');
  });

  test('headings: <h2> is the first level of the text (#), deeper ones follow, <h6> is clamped', () => {
    assert.equal(htmlToMarkdown('<h2>Sezione</h2><h3>Sotto</h3><h6>Fondo</h6>'), '# Sezione\n\n## Sotto\n\n#### Fondo');
  });

  test('bulleted and numbered lists, nested lists, items of several paragraphs, ol start', () => {
    const md = htmlToMarkdown(
      '<ul><li>Anziani</li><li>Disabilità<ul><li>Dopo di Noi</li><li>caregiver</li></ul></li></ul><ol start="3"><li><p>Uno</p><p>Due</p></li><li>Tre</li></ol>',
    );
    assert.equal(md, '- Anziani\n- Disabilità\n  - Dopo di Noi\n  - caregiver\n\n3. Uno\n\n   Due\n\n4. Tre');
    const doc = parseRichText(md);
    assert.deepEqual(
      doc.blocks.map((b) => (b.t === 'list' ? [b.ordered, b.start ?? 1, b.items.length, b.tight] : b.t)),
      [
        [false, 1, 2, true],
        [true, 3, 2, false],
      ],
    );
  });

  test('tables: caption above in bold, header row, colspan filled with empty cells, pipes escaped', () => {
    const md = htmlToMarkdown(
      '<table><caption>Tabella 2.1 Popolazione</caption><thead><tr><th>Comune</th><th>Residenti</th></tr></thead>' +
        '<tbody><tr><td>Gallarate</td><td>54.000</td></tr><tr><td colspan="2">Nota a|b</td></tr></tbody></table>',
    );
    assert.equal(md, '**Tabella 2.1 Popolazione**\n\n| Comune | Residenti |\n| --- | --- |\n| Gallarate | 54.000 |\n| Nota a\\|b |  |');
    const table = parseRichText(md).blocks[1]!;
    assert.equal(table.t, 'table');
    if (table.t === 'table') {
      assert.equal(table.header.length, 2);
      assert.deepEqual(table.rows[1]![0], [{ t: 'text', text: 'Nota a|b' }]);
    }
  });

  test('a table without a header row gets its first row of <th> as header, or an empty header', () => {
    assert.equal(htmlToMarkdown('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>'), '| A | B |\n| --- | --- |\n| 1 | 2 |');
    assert.equal(htmlToMarkdown('<table><tbody><tr><td>1</td><td>2</td></tr></tbody></table>'), '|  |  |\n| --- | --- |\n| 1 | 2 |');
  });

  test('links: safe ones kept, anchors and other schemes keep their words only; underline, sub, sup become plain text', () => {
    assert.equal(
      htmlToMarkdown(
        '<p><a href="https://www.ats-insubria.it">ATS</a>, <a href="#cap5">capitolo 5</a>, <a href="mailto:a@b.it">scrivi</a>, H<sub>2</sub>O, m<sup>2</sup>, <u>sottolineato</u>, <s>tolto</s></p>',
      ),
      '[ATS](https://www.ats-insubria.it), capitolo 5, [scrivi](mailto:a@b.it), H2O, m2, sottolineato, ~~tolto~~',
    );
  });

  test('quotes', () => {
    assert.equal(htmlToMarkdown('<blockquote><p>Uno</p><p>Due</p></blockquote>'), '> Uno\n>\n> Due');
  });

  test('the result of real legacy text (the 6.5 chapter of the demo plan as it was stored) is valid Markdown that reads the same', () => {
    const html =
      '<p>L’attuazione del sistema di monitoraggio seguirà un cronoprogramma.</p>\n<p>Al termine del periodo di programmazione, verrà redatto un report.</p>';
    const md = htmlToMarkdown(html);
    assert.equal(
      md,
      'L’attuazione del sistema di monitoraggio seguirà un cronoprogramma.\n\nAl termine del periodo di programmazione, verrà redatto un report.',
    );
    assert.deepEqual(validateRichText(md), []);
  });

  test('every allowed tag of the exchange format converts to text that validates', () => {
    const schema = readFileSync(new URL('../../modules/planning/plan-document.schema.ts', import.meta.url), 'utf8');
    const tags = [...schema.matchAll(/^ {2}'([a-z0-9]+)',$/gm)].map((m) => m[1]!);
    assert.ok(tags.includes('table') && tags.includes('sup'), 'the tag list is read from the exchange schema');
    for (const tag of tags) {
      const html = tag === 'br' ? '<p>a<br>b</p>' : `<${tag}>testo ${tag}</${tag}>`;
      const md = htmlToMarkdown(html);
      assert.deepEqual(validateRichText(md), [], `${tag}: ${md}`);
      assert.match(richTextPlain(parseRichText(md)), tag === 'br' ? /a\nb/ : new RegExp(`testo ${tag}`), tag);
    }
  });
});

describe('decodeEntities', () => {
  test('named, decimal and hexadecimal; unknown ones are left alone', () => {
    assert.equal(decodeEntities('&amp;&lt;&gt;&quot;&nbsp;&#39;&#x41;&foo;&#0;'), '&<>"\u00a0\'A&foo;&#0;');
  });
});
