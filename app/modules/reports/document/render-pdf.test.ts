// The PDF of the sample plan document, checked with the tools an archivist would use (Debian packages poppler-utils
// and qpdf): tagged with its language, PDF/A-2a and PDF/UA identified, fonts embedded, valid, every heading in the
// text in order with its page in the table of contents, bookmarks, the structure tree. A missing tool fails the test.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { DocModel } from './document.model.ts';
import { tocHeadings } from './document.outline.ts';
import { modelHeadings, runTool, sampleModel, SAMPLE_OBJECTIVES, objectiveHeading } from './document.test-support.ts';
import { renderPdf } from './render-pdf.ts';

const model = sampleModel();
let dir: string;
let file: string;
let pdf: Buffer;
let pages: string[];
/** The text in reading order (pdftotext without -layout), page by page. */
let plainPages: string[];
const progress: [number, number][] = [];
let renderMs = 0;

type Json = Record<string, unknown>;
/** The PDF's objects as qpdf sees them, and a way to follow references. */
function qpdfObjects(path: string): { get: (ref: unknown) => Json; objects: Record<string, { value?: Json }>; root: Json } {
  const { stdout, status, stderr } = runTool('qpdf', ['--json=2', '--json-key=qpdf', path], 'qpdf');
  assert.equal(status, 0, stderr);
  const objects = (JSON.parse(stdout) as { qpdf: [unknown, Record<string, { value?: Json }>] }).qpdf[1];
  const get = (ref: unknown) => objects[`obj:${String(ref)}`]?.value as Json;
  const trailer = objects.trailer.value as Json;
  return { get, objects, root: get(trailer['/Root']) };
}

const pdfString = (value: unknown) => String(value).replace(/^u:/, '');

before(async () => {
  const started = performance.now();
  pdf = await renderPdf(model, { onProgress: (done, total) => progress.push([done, total]) });
  renderMs = performance.now() - started;
  dir = mkdtempSync(join(tmpdir(), 'cantiere-pdf-'));
  file = join(dir, 'piano.pdf');
  writeFileSync(file, pdf);
  const text = runTool('pdftotext', ['-layout', file, '-'], 'poppler-utils');
  assert.equal(text.status, 0, text.stderr);
  pages = text.stdout.split('\f');
  plainPages = runTool('pdftotext', [file, '-'], 'poppler-utils').stdout.split('\f');
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('renderPdf on the sample plan document', () => {
  it('renders in well under a few seconds and reports its progress block by block', (t) => {
    t.diagnostic(`renderPdf: ${Math.round(renderMs)} ms, ${pdf.length} bytes`);
    assert.ok(renderMs < 10_000, `rendering took ${renderMs} ms`);
    const total = model.blocks.length;
    assert.deepEqual(
      progress.map(([done]) => done),
      Array.from({ length: total }, (_, i) => i + 1),
    );
    assert.ok(progress.every(([, t]) => t === total));
  });

  it('is a tagged PDF whose pages are all numbered (pdfinfo)', () => {
    const { stdout, status } = runTool('pdfinfo', [file], 'poppler-utils');
    assert.equal(status, 0);
    assert.match(stdout, /^Tagged:\s+yes$/m);
    assert.match(stdout, /^Title:\s+Piano di Zona 2021–2023 – Ambito Territoriale di Gallarate$/m);
    assert.match(stdout, /^PDF version:\s+1\.7$/m);
    const count = Number(/^Pages:\s+(\d+)$/m.exec(stdout)?.[1]);
    // Cover, table of contents, the chapters: the 60 indicators alone take more than one page.
    assert.ok(count >= 8, `${count} pages`);
    assert.equal(pages.filter((p) => p.trim() !== '').length, count);
    // Every page but the cover carries its number in the footer.
    pages.slice(1, count).forEach((page, i) => assert.match(page, new RegExp(`Pagina ${i + 2}\\s*$`), `page ${i + 2}`));
    assert.doesNotMatch(pages[0], /Pagina 1/);
  });

  it('declares its language, its title for display, PDF/A-2a and PDF/UA-1', () => {
    const { root, get } = qpdfObjects(file);
    assert.equal(pdfString(root['/Lang']), 'it-IT');
    assert.equal(get(root['/MarkInfo'])['/Marked'], true);
    assert.equal(get(root['/ViewerPreferences'])['/DisplayDocTitle'], true);
    assert.ok(root['/OutputIntents'], 'sRGB output intent (PDF/A)');
    const meta = runTool('pdfinfo', ['-meta', file], 'poppler-utils').stdout;
    assert.match(meta, /<pdfaid:part>2<\/pdfaid:part>/);
    assert.match(meta, /<pdfaid:conformance>A<\/pdfaid:conformance>/);
    assert.match(meta, /<pdfuaid:part>1<\/pdfuaid:part>/);
    assert.match(meta, /<pdfaSchema:prefix>pdfuaid<\/pdfaSchema:prefix>/);
    assert.match(meta, /<rdf:li xml:lang="x-default">Piano di Zona 2021–2023 – Ambito Territoriale di Gallarate<\/rdf:li>/);
  });

  it('embeds every font (pdffonts), with a fallback font for the signs Titillium Web lacks', () => {
    const { stdout, status } = runTool('pdffonts', [file], 'poppler-utils');
    assert.equal(status, 0);
    const fonts = stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    assert.ok(fonts.length >= 3, stdout);
    for (const line of fonts) assert.match(line, /\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/, `not embedded, subset and mapped to Unicode: ${line}`);
    assert.match(stdout, /TitilliumWeb-Regular/);
    assert.match(stdout, /TitilliumWeb-Bold/);
    assert.match(stdout, /DejaVuSans/, '≥ is drawn with DejaVu Sans');
  });

  it('passes qpdf --check', () => {
    const { stdout, status } = runTool('qpdf', ['--check', file], 'qpdf');
    assert.equal(status, 0, stdout);
    assert.match(stdout, /No syntax or stream encoding errors found/);
  });

  it('has every heading in the text, in order, with accented letters and signs intact (pdftotext)', () => {
    const body = plainPages.slice(2).join('\n');
    let at = 0;
    for (const heading of modelHeadings(model)) {
      const found = body.indexOf(heading, at);
      assert.ok(found >= 0, `heading «${heading}» missing or out of order`);
      at = found + heading.length;
    }
    for (const words of [
      'Emarginazione-povertà',
      'perché la città',
      'più servizi, però',
      'Sì',
      '€',
      'dell’Ambito',
      '«Nessuno deve restare indietro»',
      '19.834.861 € – l’84,3 %',
      'tutti…',
      'ISEE ≥ 9.360 €',
    ]) {
      assert.ok(body.includes(words), `«${words}» not found in the text`);
    }
    // Every objective title, in order.
    const titles = SAMPLE_OBJECTIVES.map((o) => body.indexOf(objectiveHeading(o)));
    assert.deepEqual(
      titles,
      [...titles].sort((a, b) => a - b),
    );
    assert.ok(titles.every((t) => t >= 0));
  });

  it('lists the level 1 and 2 headings in its table of contents with the page each is on', () => {
    const toc = pages[1];
    assert.match(toc, /Indice/);
    for (const entry of tocHeadings(model)) {
      const line = toc.split('\n').find((l) => l.includes(entry.text));
      assert.ok(line, `«${entry.text}» missing from the table of contents`);
      const page = Number(/(\d+)\s*$/.exec(line)?.[1]);
      assert.ok(pages[page - 1]?.includes(entry.text), `«${entry.text}» is not on page ${page}`);
    }
  });

  it('breaks the 60-row table over pages, repeating its header with «(segue)»', () => {
    const first = pages.findIndex((p) => p.includes('IND-01'));
    const last = pages.findIndex((p) => p.includes('IND-60'));
    assert.ok(last > first, 'the indicators fill more than one page');
    for (let p = first + 1; p <= last; p++) {
      assert.match(pages[p], /Indicatori e target annuali del Piano \(segue\)/, `page ${p + 1}`);
      assert.match(pages[p], /Codice\s+Indicatore\s+Base/, `header row on page ${p + 1}`);
    }
    for (let i = 1; i <= 60; i++)
      assert.ok(
        pages.some((p) => p.includes(`IND-${String(i).padStart(2, '0')}`)),
        `row ${i}`,
      );
  });

  it('has bookmarks for the level 1 and 2 headings, nested, each opening its page', () => {
    const { root, get } = qpdfObjects(file);
    const pageRefs = (get(root['/Pages'])['/Kids'] as string[]).map(String);
    const items: { title: string; depth: number; page: number }[] = [];
    const walk = (ref: unknown, depth: number) => {
      for (let node = ref ? get(ref) : null; node; node = node['/Next'] ? get(node['/Next']) : null) {
        const dest = node['/Dest'] as string[];
        items.push({ title: pdfString(node['/Title']), depth, page: pageRefs.indexOf(String(dest[0])) + 1 });
        if (node['/First']) walk(node['/First'], depth + 1);
      }
    };
    walk(get(root['/Outlines'])['/First'], 1);
    assert.deepEqual(items[0], { title: 'Indice', depth: 1, page: 2 });
    assert.deepEqual(
      items.slice(1).map((i) => ({ title: i.title, depth: i.depth })),
      tocHeadings(model).map((h) => ({ title: h.text, depth: h.level })),
    );
    for (const item of items.slice(1)) assert.ok(pages[item.page - 1].includes(item.title), `bookmark «${item.title}» opens page ${item.page}`);
  });

  it('has a structure tree of headings, paragraphs, lists, tables with scoped headers, a figure with its alternative text and notes', () => {
    const { stdout } = runTool('pdfinfo', ['-struct', file], 'poppler-utils');
    for (const type of [
      'Document',
      'H1',
      'H2',
      'H3',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Table',
      'Caption',
      'THead',
      'TBody',
      'TFoot',
      'TR',
      'TH',
      'TD',
      'Figure',
      'Link',
      'Reference',
      'Note',
      'BlockQuote',
      'TOC',
      'TOCI',
    ]) {
      assert.match(stdout, new RegExp(`^\\s*${type}\\b`, 'm'), `no ${type} element`);
    }
    assert.match(stdout, /\/Scope \/Column/);
    assert.match(stdout, /\/Scope \/Row/);
    // Nested list: a list inside a list item's body.
    assert.match(stdout, /LBody \(block\)\n\s+P \(block\)\n\s+L \(block\)/);
    const { objects } = qpdfObjects(file);
    const figures = Object.values(objects).filter((o) => o.value?.['/S'] === '/Figure');
    assert.equal(figures.length, 1);
    assert.match(pdfString(figures[0].value?.['/Alt']), /^Grafico a barre orizzontali della spesa sociale 2022 per area/);
    const notes = Object.values(objects).filter((o) => o.value?.['/S'] === '/Note');
    assert.deepEqual(notes.map((n) => pdfString(n.value?.['/ID'])).sort(), ['note-1-1', 'note-1-2']);
  });

  it('draws running heads and page numbers as pagination artifacts, outside the structure', () => {
    const expanded = join(dir, 'expanded.pdf');
    const { status, stderr } = runTool('qpdf', ['--qdf', '--object-streams=disable', file, expanded], 'qpdf');
    assert.equal(status, 0, stderr);
    const content = readFileSync(expanded, 'latin1');
    const pageCount = pages.filter((p) => p.trim() !== '').length;
    const pagination = content.match(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/g) ?? [];
    // One for the head and footer of each page but the cover, one for each repeated table header.
    assert.ok(pagination.length >= pageCount - 1, `${pagination.length} pagination artifacts for ${pageCount} pages`);
    // Every drawing operator of a page is inside marked content: as many BDC as EMC.
    assert.equal((content.match(/\bBDC\b/g) ?? []).length, (content.match(/\bEMC\b/g) ?? []).length);
  });

  it('gives the same bytes for the same model (the file can be fingerprinted)', async () => {
    const again = await renderPdf(model);
    assert.ok(again.equals(pdf));
  });
});

describe('renderPdf on edge cases', () => {
  const minimal = (): DocModel => ({ ...sampleModel(), lang: 'en-GB', blocks: [] });

  it('renders a document with no chapters: cover and an empty table of contents, in its language', async () => {
    const out = await renderPdf(minimal());
    const path = join(dir, 'minimal.pdf');
    writeFileSync(path, out);
    assert.equal(runTool('qpdf', ['--check', path], 'qpdf').status, 0);
    assert.match(runTool('pdfinfo', [path], 'poppler-utils').stdout, /^Pages:\s+2$/m);
    assert.equal(pdfString(qpdfObjects(path).root['/Lang']), 'en-GB');
  });

  it('names the chart whose SVG cannot be drawn, and the bad creation date', async () => {
    const bad = minimal();
    bad.blocks = [
      { kind: 'chart', caption: 'Spesa per area', alt: 'x', svg: '<svg><g></svg>', width: 100, height: 100, data: { caption: 'Dati', columns: [], rows: [] } },
    ];
    await assert.rejects(renderPdf(bad), /Grafico «Spesa per area»: SVG non disegnabile/);
    await assert.rejects(renderPdf({ ...minimal(), meta: { ...bad.meta, createdAt: 'ieri' } }), /Data di creazione del documento non valida: «ieri»/);
  });

  it('cuts a word longer than a table column instead of letting it run out of the page', async () => {
    const m = minimal();
    const long = 'https://www.regione.lombardia.it/wps/portal/istituzionale/HP/DettaglioRedazionale/servizi-e-informazioni/enti-e-operatori/sistema-welfare';
    m.blocks = [{ kind: 'table', table: { caption: 'Fonti', columns: [{ header: 'Fonte' }, { header: 'Indirizzo' }], rows: [['Regione', long]] } }];
    const path = join(dir, 'long.pdf');
    writeFileSync(path, await renderPdf(m));
    const bbox = runTool('pdftotext', ['-bbox', path, '-'], 'poppler-utils').stdout;
    const right = Math.max(...[...bbox.matchAll(/xMax="([\d.]+)"/g)].map((x) => Number(x[1])));
    assert.ok(right <= 595.28 - 62 + 0.5, `text reaches x=${right}, past the right margin`);
    const text = runTool('pdftotext', [path, '-'], 'poppler-utils').stdout.replace(/\s+/g, '');
    assert.ok(text.includes(long), 'the whole address is in the text');
  });
});
