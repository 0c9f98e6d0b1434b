import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { crawl, MAIN_PAGES, signedInContext, START_PAGES, type CrawledPage } from './crawl.ts';

// Every page of the demo, as the Ufficio di Piano's coordinator, the system administrator and a visitor, at a desktop
// width and on a phone: no horizontal overflow, and the header navigation never lies over the title or the breadcrumb.
// The main pages are photographed at both widths (test-results/screenshots/; .ci/run keeps them as artifacts).

const SCREENSHOTS = join('test-results', 'screenshots');

interface Problem {
  page: string;
  problem: string;
}

/** Horizontal overflow (with the widest element that causes it) and header navigation over the content. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls}${text ? ` «${text}»` : ''}`;
    };
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width + 1) {
      // The element reaching furthest right that is not clipped by a scrolling or hidden-overflow ancestor.
      let widest: { el: Element; right: number } | null = null;
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const box = el.getBoundingClientRect();
        // Its own box, or its content when it spills out of the box (a long word, a wide child with no box).
        const right = getComputedStyle(el).overflowX === 'visible' ? Math.max(box.right, box.left + el.scrollWidth) : box.right;
        if (box.width === 0 || right <= width + 1) continue;
        let clipped = false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') {
            clipped = true;
            break;
          }
        }
        if (!clipped && (!widest || right >= widest.right)) widest = { el, right };
      }
      problems.push(
        `scorrimento orizzontale: ${document.documentElement.scrollWidth} px in ${width} px` +
          (widest ? `; l'elemento più largo è ${describe(widest.el)} (fino a ${Math.round(widest.right)} px)` : ''),
      );
    }
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    };
    const content = Array.from(document.querySelectorAll('main h1, main nav .breadcrumb, main .breadcrumb-container')).filter(visible);
    const overlaps = () => {
      const items = Array.from(document.querySelectorAll('#main-nav a, #main-nav summary')).filter(visible);
      for (const item of items) {
        const a = item.getBoundingClientRect();
        for (const target of content) {
          const b = target.getBoundingClientRect();
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
            problems.push(`il menu copre il contenuto: ${describe(item)} su ${describe(target)}`);
            return;
          }
        }
      }
    };
    overlaps();
    // On a phone the menu is a disclosure: opened, it must push the content down, not cover it.
    const menu = document.querySelector<HTMLDetailsElement>('#main-nav details');
    if (menu && visible(menu)) {
      menu.open = true;
      overlaps();
      menu.open = false;
    }
    return problems;
  });
}

for (const width of [1280, 390]) {
  test(`every page at ${width} px: no horizontal overflow, the menu never covers the title or the breadcrumb`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const problems: Problem[] = [];
    const seen = new Set<string>();
    const check = async (page: Page, visited: CrawledPage) => {
      if (visited.status >= 500) problems.push({ page: visited.url, problem: `errore del server ${visited.status}` });
      for (const problem of await layoutProblems(page)) problems.push({ page: `${visited.pattern} (${visited.url})`, problem });
      const name = MAIN_PAGES[visited.pattern];
      if (name) {
        const file = join(SCREENSHOTS, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
    };
    const visitedAll: CrawledPage[] = [];
    for (const [role, starts] of [
      ['coordinator', START_PAGES.office],
      ['admin', START_PAGES.admin],
      [null, START_PAGES.public],
    ] as const) {
      const context = await signedInContext(browser, role, { width, baseURL: baseURL! });
      const page = await context.newPage();
      visitedAll.push(...(await crawl(page, [...starts], check, { seen, label: `${role ?? 'pubblico'} ${width}px` })));
      await context.close();
    }
    console.log(`${width} px: ${visitedAll.length} pagine distinte visitate; schermate in ${SCREENSHOTS}`);
    const missing = Object.entries(MAIN_PAGES).filter(([pattern]) => !visitedAll.some((v) => v.pattern === pattern));
    if (missing.length) console.log(`${width} px: pagine principali non raggiunte (nessun link nei dati dimostrativi): ${missing.map(([p]) => p).join(', ')}`);
    if (process.env.CRAWL_LIST) console.log(visitedAll.map((v) => `  ${v.pattern} ${v.status}`).join('\n'));
    expect(visitedAll.length, 'pagine visitate').toBeGreaterThan(20);
    expect(problems, problems.map((p) => `${p.page}: ${p.problem}`).join('\n')).toEqual([]);
  });
}
