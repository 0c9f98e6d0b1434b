// The headings of a plan document in reading order, with the level each takes in the document: the model's headings
// keep theirs, a chapter text's headings go under the heading before the text (document.text.ts). Levels 1 and 2
// make the table of contents and the bookmarks; the PDF plans its table of contents from this list before laying the
// chapters out, and Word builds its own from the same heading styles.
import type { DocModel } from './document.model.ts';
import { inlineText, nestedHeadingLevel } from './document.text.ts';

export interface OutlineHeading {
  text: string;
  level: number;
}

export function documentHeadings(model: DocModel): OutlineHeading[] {
  const headings: OutlineHeading[] = [];
  let parentLevel = 0;
  for (const block of model.blocks) {
    if (block.kind === 'heading') {
      parentLevel = block.level;
      headings.push({ text: block.text, level: block.level });
    } else if (block.kind === 'rich') {
      const levels = block.doc.blocks.flatMap((b) => (b.t === 'heading' ? [b.level] : []));
      const highest = levels.length ? Math.min(...levels) : 1;
      for (const b of block.doc.blocks) {
        if (b.t === 'heading') headings.push({ text: inlineText(b.children), level: nestedHeadingLevel(b.level, highest, parentLevel) });
      }
    }
  }
  return headings;
}

/** The entries of the table of contents (and of the bookmarks): the headings of level 1 and 2. */
export function tocHeadings(model: DocModel): { text: string; level: 1 | 2 }[] {
  return documentHeadings(model).flatMap((h) => (h.level <= 2 ? [{ text: h.text, level: h.level as 1 | 2 }] : []));
}
