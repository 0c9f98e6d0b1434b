// The DOCX of the sample plan document: its parts read back with unzip (styles, language, numbering, footnotes,
// images with their alternative text, the table-of-contents field), then one conversion with LibreOffice
// (soffice --headless --convert-to pdf) whose text must hold every heading in order. Debian packages: unzip,
// libreoffice-writer-nogui, poppler-utils. A missing tool fails the test.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { modelHeadings, runTool, sampleModel, SAMPLE_OBJECTIVES, objectiveHeading } from './document.test-support.ts';
import { renderDocx } from './render-docx.ts';

const model = sampleModel();
let dir: string;
let file: string;
let docx: Buffer;
let renderMs = 0;
const parts = new Map<string, string>();

/** A part of the package, as text (unzip -p). */
function part(name: string): string {
  let text = parts.get(name);
  if (text === undefined) {
    const { stdout, status, stderr } = runTool('unzip', ['-p', file, name], 'unzip');
    assert.equal(status, 0, `${name}: ${stderr}`);
    text = stdout;
    parts.set(name, text);
  }
  return text;
}

/** The text of the paragraphs of a part, one string per paragraph. */
function paragraphs(xml: string): { style: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[1])?.[1] ?? null,
    text: [...m[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

before(async () => {
  const started = performance.now();
  docx = await renderDocx(model);
  renderMs = performance.now() - started;
  dir = mkdtempSync(join(tmpdir(), 'cantiere-docx-'));
  file = join(dir, 'piano.docx');
  writeFileSync(file, docx);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('renderDocx on the sample plan document', () => {
  it('is a Word package with its styles, numbering, footnotes, the chart image and the embedded fonts', (t) => {
    t.diagnostic(`renderDocx: ${Math.round(renderMs)} ms, ${docx.length} bytes`);
    assert.ok(renderMs < 10_000, `rendering took ${renderMs} ms`);
    const { stdout, status } = runTool('unzip', ['-l', file], 'unzip');
    assert.equal(status, 0);
    for (const name of [
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
      'word/footnotes.xml',
      'word/settings.xml',
      'word/footer1.xml',
      'docProps/core.xml',
      'word/media/image1.png',
      'word/fonts/font1.odttf',
    ]) {
      assert.match(stdout, new RegExp(` ${name.replace(/[./]/g, '\\$&')}\n`), `${name} missing`);
    }
  });

  it('has its metadata, its language and asks Word to compute its fields on opening', () => {
    const core = part('docProps/core.xml');
    assert.match(core, /<dc:title>Piano di Zona 2021–2023 – Ambito Territoriale di Gallarate<\/dc:title>/);
    assert.match(core, /<dc:creator>Ufficio di Piano dell’Ambito Territoriale di Gallarate<\/dc:creator>/);
    assert.match(core, /<cp:keywords>Piano di Zona, Gallarate, politiche sociali<\/cp:keywords>/);
    assert.match(part('word/styles.xml'), /<w:docDefaults>[\s\S]*<w:lang w:val="it-IT"\/>[\s\S]*<\/w:docDefaults>/);
    assert.match(part('word/settings.xml'), /<w:updateFields(?: w:val="true")?\/>/);
    assert.match(part('word/settings.xml'), /<w:embedTrueTypeFonts\/>/);
    assert.match(part('word/fontTable.xml'), /<w:font w:name="Titillium Web">[\s\S]*<w:embedRegular [^>]*\/>[\s\S]*<w:embedBold /);
  });

  it('defines Title and Heading 1–3 with their outline levels, so the navigation pane and the table of contents work', () => {
    const styles = part('word/styles.xml');
    assert.match(styles, /<w:style w:type="paragraph" w:styleId="Title">/);
    for (const level of [1, 2, 3]) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
      assert.match(style, new RegExp(`<w:outlineLvl w:val="${level - 1}"/>`), `Heading${level}`);
    }
  });

  it('has a table-of-contents field of the level 1 and 2 headings, and the headings in order with their styles', () => {
    const document = part('word/document.xml');
    assert.match(unescape(document), /<w:instrText[^>]*>TOC \\h \\o "1-2"/);
    const headings = paragraphs(document).filter((p) => p.style && /^Heading\d$/.test(p.style));
    const texts = headings.map((h) => unescape(h.text));
    let at = 0;
    for (const heading of modelHeadings(model)) {
      const found = texts.indexOf(heading, at);
      assert.ok(found >= 0, `heading «${heading}» missing or out of order`);
      at = found + 1;
    }
    // Every objective's heading is a Heading 2; a chapter's "###" goes under its "##".
    for (const o of SAMPLE_OBJECTIVES) assert.equal(headings.find((h) => unescape(h.text) === objectiveHeading(o))?.style, 'Heading2');
    assert.equal(headings.find((h) => h.text === 'Utenza dei servizi')?.style, 'Heading3');
    assert.equal(paragraphs(document).find((p) => p.style === 'Title')?.text, 'Piano di Zona 2021–2023');
  });

  it('writes the chapter’s lists as real numbered and bulleted lists, nested, with numbering definitions', () => {
    const numbering = part('word/numbering.xml');
    assert.match(numbering, /<w:numFmt w:val="bullet"\/><w:lvlText w:val="•"\/>/);
    assert.match(numbering, /<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1."\/>/);
    const document = part('word/document.xml');
    const items = [...document.matchAll(/<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g)];
    // 3 bullets (one holding 3 numbered items, one level down) and the 3 annexes.
    assert.equal(items.length, 9);
    assert.equal(items.filter((m) => m[1] === '1').length, 3);
    for (const [, , numId] of items) assert.match(numbering, new RegExp(`<w:num w:numId="${numId}"`));
  });

  it('keeps the footnotes, with the list of a footnote flattened into paragraphs', () => {
    const footnotes = part('word/footnotes.xml');
    assert.match(footnotes, /<w:footnote w:id="1">[\s\S]*D\.G\.R\. n\. XII\/2167 del 15 aprile 2024, allegato A\./);
    assert.match(footnotes, /<w:footnote w:id="2">[\s\S]*comuni 84,3 %;[\s\S]*utenza 4,7 %\./);
    assert.doesNotMatch(footnotes, /<w:numPr>/, 'no list inside a footnote');
    const document = part('word/document.xml');
    assert.match(document, /<w:footnoteReference w:id="1"\/>/);
    assert.match(document, /<w:footnoteReference w:id="2"\/>/);
    assert.match(document, /<w:hyperlink [^>]*r:id="[^"]+"[^>]*>[\s\S]*?portale della Regione/);
  });

  it('repeats the header row of the tables and right-aligns their figures', () => {
    const document = part('word/document.xml');
    const tables = [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]);
    const indicators = tables.find((t) => t.includes('IND-60')) ?? '';
    assert.match(indicators, /^[\s\S]*?<w:tr>[\s\S]*?<w:tblHeader\/>[\s\S]*?Codice/, 'header row repeated on each page');
    const rows = [...indicators.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)];
    assert.equal(rows.length, 61);
    // Code and label left, the four figures right.
    const cells = [...rows[1][1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => /<w:jc w:val="right"\/>/.test(c[1]));
    assert.deepEqual(cells, [false, false, true, true, true, true]);
    const budget = tables.find((t) => t.includes('16.727.271')) ?? '';
    assert.match(budget, /<w:rPr><w:b\/>(?:<(?!\/w:rPr>)[^>]*>)*<\/w:rPr><w:t[^>]*>19\.834\.861\s€<\/w:t>/, 'the total row in bold');
  });

  it('draws the chart as a PNG image with its title and alternative text', () => {
    const document = part('word/document.xml');
    const chart = model.blocks.find((b) => b.kind === 'chart');
    assert.ok(chart?.kind === 'chart');
    const docPr = /<wp:docPr [^>]*>/.exec(document)?.[0] ?? '';
    assert.match(docPr, new RegExp(`descr="${chart.alt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    assert.match(docPr, new RegExp(`title="${chart.caption}"`));
    const png = runTool('unzip', ['-l', file, 'word/media/image1.png'], 'unzip').stdout;
    const size = Number(/^\s*(\d+)\s+\S+\s+\S+\s+word\/media\/image1\.png$/m.exec(png)?.[1]);
    assert.ok(size > 10_000, `chart image of ${size} bytes`);
  });

  it('converts with LibreOffice without error, and the PDF holds every heading in order', (t) => {
    const profile = join(dir, 'lo-profile');
    const started = performance.now();
    const result = runTool(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file],
      'libreoffice-writer-nogui',
      { timeoutMs: 180_000 },
    );
    t.diagnostic(`soffice --convert-to pdf: ${Math.round(performance.now() - started)} ms`);
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    // soffice answers 0 even when it cannot load the file: it says so on its output.
    assert.doesNotMatch(`${result.stdout}\n${result.stderr}`, /^Error/m);
    const converted = join(dir, 'piano.pdf');
    assert.ok(existsSync(converted), `no PDF: ${result.stdout}\n${result.stderr}`);
    const text = runTool('pdftotext', [converted, '-'], 'poppler-utils');
    assert.equal(text.status, 0, text.stderr);
    const pages = text.stdout.split('\f');
    // After the cover and the table of contents (which lists them too), the headings in order.
    const body = pages.slice(2).join('\n');
    let at = 0;
    for (const heading of modelHeadings(model)) {
      const found = body.indexOf(heading, at);
      assert.ok(found >= 0, `heading «${heading}» missing or out of order in the converted PDF`);
      at = found + heading.length;
    }
    assert.match(pages[1], /Indice[\s\S]*Obiettivo 1 — Mappatura, collaborazione e messa in rete/);
    const fonts = runTool('pdffonts', [converted], 'poppler-utils').stdout;
    assert.match(fonts, /TitilliumWeb-Regular/, 'the embedded Titillium Web is used');
  });
});

describe('renderDocx on edge cases', () => {
  it('renders a document with no chapters, in its language', async () => {
    const out = await renderDocx({ ...sampleModel(), lang: 'en-GB', blocks: [] });
    const path = join(dir, 'minimal.docx');
    writeFileSync(path, out);
    const styles = runTool('unzip', ['-p', path, 'word/styles.xml'], 'unzip').stdout;
    assert.match(styles, /<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>/);
  });

  it('names the chart whose SVG cannot be drawn', async () => {
    const model = sampleModel();
    model.blocks = [
      { kind: 'chart', caption: 'Spesa per area', alt: 'x', svg: '<svg><g></svg>', width: 100, height: 100, data: { caption: 'Dati', columns: [], rows: [] } },
    ];
    await assert.rejects(renderDocx(model), /Grafico «Spesa per area»: SVG non disegnabile/);
  });
});
