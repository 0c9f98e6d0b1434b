import { expect, test, type Page } from '@playwright/test';
import { crawl, signedInContext, START_PAGES, type CrawledPage } from './crawl.ts';

// Every interface string goes through the dictionaries: in the pseudo-language `qps` (served because the test server
// runs with CANTIERE_PSEUDO_LOCALE=1) every dictionary string comes out between ⟦ and ⟧. On every page of the demo, no
// visible text with a letter — in the header, the main content and the footer, and in aria-label, title, placeholder,
// alt and the document title — may lie outside the marks, unless it is data (inside an element with translate="no")
// or code. Formatted numbers and dates have no letters; «n.d.», «kB», «MB», «€» and the bare product name are allowed.
//
// DICT_REPORT_ONLY=1 lists the offenders of every page without failing (to see what is left to convert).

const REPORT_ONLY = process.env.DICT_REPORT_ONLY === '1';

interface Offender {
  page: string;
  where: string;
  text: string;
}

/** The texts of the page shown now that are not marked as dictionary strings nor as data. */
async function unmarkedTexts(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const OPEN = '\u27e6';
    const CLOSE = '\u27e7';
    // «Cantiere» is the product's name (the document title of a page without its own is just the name).
    const ALLOWED = /\bn\.d\.|\bkB\b|\bMB\b|€|^Cantiere$/g;
    const LETTER = /\p{L}/u;
    const SKIP = new Set(['TEXTAREA', 'CODE', 'PRE', 'SCRIPT', 'STYLE', 'SVG', 'NOSCRIPT', 'TEMPLATE', 'KBD', 'SAMP']);
    const found: { where: string; text: string }[] = [];
    const excluded = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e.getAttribute('translate') === 'no' || SKIP.has(e.tagName.toUpperCase())) return true;
      }
      return false;
    };
    const path = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 5; e = e.parentElement) {
        const id = e.id ? `#${e.id}` : '';
        const cls = !id && typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/)[0]}` : '';
        parts.unshift(`${e.tagName.toLowerCase()}${id}${cls}`);
        if (id) break;
      }
      return parts.join(' > ');
    };
    const offending = (text: string) => LETTER.test(text.replace(ALLOWED, ''));
    /** The text outside the marks; `depth` carries an open mark across text nodes (a string split by an element). */
    const outside = (text: string, depth: { n: number }) => {
      let rest = '';
      for (const ch of text) {
        if (ch === OPEN) depth.n++;
        else if (ch === CLOSE) depth.n = Math.max(0, depth.n - 1);
        else if (depth.n === 0) rest += ch;
      }
      return rest;
    };
    // Closed disclosures (chart data, menus) hold interface text too.
    for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
    for (const region of Array.from(document.querySelectorAll('header, main, footer'))) {
      if (region.parentElement?.closest('header, main, footer')) continue;
      const depth = { n: 0 };
      const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        if (excluded(parent)) continue;
        const rest = outside(node.nodeValue ?? '', depth).trim();
        if (!rest || !offending(rest)) continue;
        const style = getComputedStyle(parent);
        if (style.display === 'none' || style.visibility === 'hidden' || !parent.checkVisibility()) continue;
        found.push({ where: path(parent), text: rest.replace(/\s+/g, ' ').slice(0, 100) });
      }
      for (const el of Array.from(
        region.querySelectorAll('[aria-label], [title], [placeholder], [alt], input[type=submit][value], input[type=button][value]'),
      )) {
        if (excluded(el)) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'value']) {
          // A value is interface text only on a button; in a text field it is what the user typed (data).
          if (name === 'value' && !(el.tagName === 'INPUT' && ['submit', 'button'].includes((el as HTMLInputElement).type))) continue;
          const value = el.getAttribute(name);
          if (!value) continue;
          const rest = outside(value, { n: 0 }).trim();
          if (rest && offending(rest)) found.push({ where: `${path(el)} @${name}`, text: rest.slice(0, 100) });
        }
      }
    }
    // The document title may name data shown on the page (the Ambito, the plan): those parts are not interface text.
    let title = outside(document.title, { n: 0 });
    const data = Array.from(document.querySelectorAll('[translate="no"]'))
      .map((e) => (e.textContent ?? '').trim())
      .filter((text) => text.length > 1)
      .sort((a, b) => b.length - a.length);
    for (const text of data) title = title.replaceAll(text, '');
    title = title.replace(/[\s–—:·|-]+/g, ' ').trim();
    if (title && offending(title)) found.push({ where: 'title', text: title });
    return found;
  });
}

test('every page in the pseudo-language: no interface text outside the dictionaries', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const offenders: Offender[] = [];
  const perPage = new Map<string, number>();
  const seen = new Set<string>();
  const check = async (page: Page, visited: CrawledPage) => {
    const texts = await unmarkedTexts(page);
    perPage.set(visited.pattern, texts.length);
    for (const t of texts) offenders.push({ page: visited.pattern, ...t });
  };
  let pages = 0;
  for (const [role, starts] of [
    ['coordinator', START_PAGES.office],
    ['admin', START_PAGES.admin],
    [null, START_PAGES.public],
  ] as const) {
    const context = await signedInContext(browser, role, { width: 1280, baseURL: baseURL! });
    try {
      expect((await context.request.get('/lingua?lang=qps&redirectTo=/', { maxRedirects: 0 })).status()).toBe(302);
      const page = await context.newPage();
      pages += (await crawl(page, [...starts], check, { seen, label: `${role ?? 'pubblico'} qps` })).length;
    } finally {
      // Back to Italian (the choice is a cookie of this context, but the next test must never inherit it).
      await context.request.get('/lingua?lang=it&redirectTo=/', { maxRedirects: 0 });
      await context.close();
    }
  }
  const counts = [...perPage.entries()].filter(([, n]) => n > 0).map(([p, n]) => `  ${String(n).padStart(4)}  ${p}`);
  const report = offenders.map((o) => `${o.page} | ${o.where} | ${o.text}`).join('\n');
  console.log(`${pages} pagine nella pseudo-lingua; ${offenders.length} testi fuori dai dizionari in ${counts.length} pagine`);
  if (counts.length) console.log(`testi fuori dai dizionari per pagina:\n${counts.join('\n')}`);
  test.info().attachments.push({ name: 'testi-fuori-dai-dizionari.txt', contentType: 'text/plain', body: Buffer.from(report || 'nessuno') });
  if (REPORT_ONLY) {
    if (report) console.log(report);
    return;
  }
  expect(pages, 'pagine visitate').toBeGreaterThan(20);
  expect(offenders.length, `testi fuori dai dizionari (pagina | posizione | testo):\n${report}`).toBe(0);
});
