import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparePublished } from './participation.published.rules.ts';

const SOURCE = 'Report «Impatto sociale», ATS n. 6';

test('the Fano figures: 7 thematic tables recorded as published; the 25 meetings and the 60+ bodies are not in the records', () => {
  const rows = comparePublished({ meetings: 0, concertation_tables: 0, thematic_tables: 7, member_organisations: 0 }, [
    { figure: 'meetings', value: 25, qualifier: 'exact', source: SOURCE },
    { figure: 'concertation_tables', value: 2, qualifier: 'exact', source: SOURCE },
    { figure: 'thematic_tables', value: 7, qualifier: 'exact', source: SOURCE },
    { figure: 'member_organisations', value: 60, qualifier: 'more_than', source: SOURCE },
  ]);
  assert.deepEqual(
    rows.map((r) => [r.figure, r.recorded, r.published?.value ?? null, r.recordsMatch]),
    [
      ['meetings', 0, 25, false],
      ['concertation_tables', 0, 2, false],
      ['thematic_tables', 7, 7, true],
      ['member_organisations', 0, 60, false],
    ],
  );
});

test('«oltre 60» is borne out by 61 records, not by 60; «circa» cannot be checked; nothing published says nothing', () => {
  const at = (n: number, qualifier: 'more_than' | 'about') =>
    comparePublished({ meetings: 0, concertation_tables: 0, thematic_tables: 0, member_organisations: n }, [
      { figure: 'member_organisations', value: 60, qualifier, source: SOURCE },
    ]).find((r) => r.figure === 'member_organisations')!.recordsMatch;
  assert.equal(at(61, 'more_than'), true);
  assert.equal(at(60, 'more_than'), false);
  assert.equal(at(50, 'about'), null);
  const none = comparePublished({ meetings: 3, concertation_tables: 0, thematic_tables: 1, member_organisations: 4 }, []);
  assert.ok(none.every((r) => r.published === null && r.recordsMatch === null));
  assert.equal(none[0]!.recorded, 3);
});
