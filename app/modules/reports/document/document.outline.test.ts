import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { documentHeadings, tocHeadings } from './document.outline.ts';
import { sampleModel } from './document.test-support.ts';

describe('documentHeadings', () => {
  it('lists the model headings and the chapter texts’ headings in reading order, nested under the heading before them', () => {
    const headings = documentHeadings(sampleModel());
    assert.deepEqual(headings.slice(0, 4), [
      { text: '1. Introduzione', level: 1 },
      // The chapter's "##" is its highest heading: it goes one level under the chapter's title.
      { text: 'Il contesto territoriale', level: 2 },
      { text: 'Utenza dei servizi', level: 3 },
      { text: '2. Obiettivi', level: 1 },
    ]);
  });

  it('puts only the headings of level 1 and 2 in the table of contents', () => {
    const toc = tocHeadings(sampleModel());
    assert.ok(toc.every((h) => h.level <= 2));
    assert.deepEqual(
      toc.map((h) => h.text),
      [
        '1. Introduzione',
        'Il contesto territoriale',
        '2. Obiettivi',
        'Obiettivo 1 — Mappatura, collaborazione e messa in rete',
        'Obiettivo A — Strategie per l’abitare',
        'Obiettivo D — Potenziare il supporto alla domiciliarità',
        '3. Indicatori e target',
        '4. Risorse',
        'Spesa sociale 2022 per area e canale',
        '5. Allegati',
      ],
    );
  });
});
