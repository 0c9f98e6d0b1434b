import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../shared/errors.ts';
import { organisationCheckDigit } from './fiscal-code.ts';
import {
  checkAttachment,
  instantToRomeLocal,
  MAX_ATTACHMENT_BYTES,
  MeetingInput,
  OrganisationInput,
  parseAttendanceForm,
  parseRuleForm,
  parseVotesForm,
  romeLocalToInstant,
} from './governance.validation.ts';

test('Italian meeting times become the right instants across summer time (last Sunday of March and of October)', () => {
  // 2 December 2024, the Assemblea adopted the Piano di Zona (seed 002, L103): winter time, UTC+1.
  assert.equal(romeLocalToInstant('2024-12-02', '17:00').toISOString(), '2024-12-02T16:00:00.000Z');
  // 1 July 2025: summer time, UTC+2.
  assert.equal(romeLocalToInstant('2025-07-01', '09:30').toISOString(), '2025-07-01T07:30:00.000Z');
  // 30 March 2025 at 02:30 does not exist in Italy (clocks jump from 02:00 to 03:00): it is read as 03:30.
  assert.equal(romeLocalToInstant('2025-03-30', '02:30').toISOString(), '2025-03-30T01:30:00.000Z');
  // 26 October 2025 at 02:30 happens twice: the first one (still summer time) is taken.
  assert.equal(romeLocalToInstant('2025-10-26', '02:30').toISOString(), '2025-10-26T00:30:00.000Z');
  for (const [date, time] of [
    ['2024-12-02', '17:00'],
    ['2025-07-01', '09:30'],
    ['2025-12-31', '23:59'],
    ['2026-01-01', '00:00'],
  ] as const) {
    assert.deepEqual(instantToRomeLocal(romeLocalToInstant(date, time)), { date, time });
  }
});

test('a meeting needs a place or a link, an end after its start, a real day, and an agenda of one item per line', () => {
  const ok = MeetingInput.parse({
    title: 'Assemblea dei Sindaci',
    date: '2024-12-02',
    startTime: '17:00',
    endTime: '19:00',
    place: 'Sala del Comune capofila',
    agenda: '1. Adozione del Piano di Zona 2025-2027\n\n- Varie ed eventuali\n',
  });
  assert.deepEqual(ok.agenda, ['Adozione del Piano di Zona 2025-2027', 'Varie ed eventuali']);
  assert.equal(ok.startsAt.toISOString(), '2024-12-02T16:00:00.000Z');
  assert.equal(ok.onlineUrl, null);
  const bad = MeetingInput.safeParse({ title: 'Assemblea', date: '2024-02-30', startTime: '19:00', endTime: '17:00', onlineUrl: 'ftp://riunioni.example' });
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error!.issues.map((i) => i.path.join('.')).sort(), ['date', 'endTime', 'onlineUrl']);
  const noPlace = MeetingInput.safeParse({ title: 'Assemblea', date: '2024-12-02', startTime: '19:00', endTime: '17:00' });
  assert.deepEqual(
    noPlace.error!.issues.map((i) => i.message),
    ['Indica il luogo della riunione o il collegamento per partecipare online.', 'L’ora di fine deve seguire l’ora di inizio.'],
  );
});

test('an organisation’s fiscal code is checked (11 digits with the check digit), RUNTS only for third-sector bodies, a comune for kind comune', () => {
  const valid = `0123456789${organisationCheckDigit('0123456789')}`;
  const ok = OrganisationInput.parse({ name: 'ODV di prova', kind: 'odv', fiscalCode: ` ${valid.slice(0, 5)} ${valid.slice(5)} `, runtsNumber: '12345' });
  assert.equal(ok.fiscalCode, valid);
  const wrongDigit = `0123456789${(Number(organisationCheckDigit('0123456789')) + 1) % 10}`;
  const errors = (input: Record<string, unknown>) => {
    const r = OrganisationInput.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  assert.deepEqual(errors({ name: 'ODV', kind: 'odv', fiscalCode: wrongDigit }), [
    'fiscalCode: Il codice fiscale non è valido: l’ultima cifra (di controllo) non corrisponde alle precedenti. Controlla di averlo copiato correttamente.',
  ]);
  assert.deepEqual(errors({ name: 'ODV', kind: 'odv', fiscalCode: 'RSSMRA80A01D869X' }).length, 1);
  assert.deepEqual(errors({ name: 'Sindacato pensionati', kind: 'sindacato', runtsNumber: '12' }), [
    'runtsNumber: Il numero RUNTS riguarda gli enti del Terzo settore, non il tipo «Organizzazione sindacale».',
  ]);
  assert.deepEqual(errors({ name: 'Comune di Gallarate', kind: 'comune' }), ['comuneId: Per un Comune scegli quale comune dell’Ambito è.']);
});

test('the voting-rule form becomes the rule of voting.rules.ts, with errors on the form’s fields', () => {
  assert.deepEqual(parseRuleForm({ version: '3', ruleType: 'population_weighted', thresholdPercent: '50', base: 'present' }), {
    version: 3,
    rule: { type: 'population_weighted', thresholdPercent: 50, base: 'present' },
  });
  assert.deepEqual(
    parseRuleForm({ version: '1', ruleType: 'majority_present', abstentionsCountAsAgainst: 'on', quorumType: 'members', quorumPercent: '50,5' }).rule,
    {
      type: 'majority_present',
      abstentionsCountAsAgainst: true,
      quorum: { type: 'members', percent: 50.5 },
    },
  );
  assert.deepEqual(parseRuleForm({ version: '1', ruleType: '' }), { version: 1, rule: null });
  assert.throws(
    () => parseRuleForm({ version: '1', ruleType: 'qualified_majority', numerator: '3', denominator: '2', base: 'members' }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'numerator' && /supera l’intero/.test(e.issues[0]!.message),
  );
  assert.throws(
    () => parseRuleForm({ version: '1', ruleType: 'population_weighted', thresholdPercent: '100', base: 'present' }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'thresholdPercent',
  );
  assert.throws(
    () => parseRuleForm({ version: '1', ruleType: 'unanimity', base: 'members', quorumPercent: '50' }),
    (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.path === 'quorumType'),
  );
});

test('attendance and votes are read member by member; a delegate needs a name and an absent member cannot vote', () => {
  const members = [
    { id: 'm1', label: 'Andrea Cassani' },
    { id: 'm2', label: 'Franco Zeni' },
  ];
  assert.deepEqual(parseAttendanceForm({ version: '2', 'status.m1': 'present', 'status.m2': 'delegated', 'delegate.m2': 'Vicesindaco' }, members), {
    version: 2,
    rows: [
      { memberId: 'm1', status: 'present', delegateName: null },
      { memberId: 'm2', status: 'delegated', delegateName: 'Vicesindaco' },
    ],
  });
  assert.throws(
    () => parseAttendanceForm({ version: '2', 'status.m2': 'delegated' }, members),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.issues.map((i) => `${i.path}: ${i.message}`).join('|') ===
        'status.m1: Andrea Cassani: indica se è presente, assente o delegato.|delegate.m2: Franco Zeni: scrivi il nome della persona delegata.',
  );
  // The vote form reads only the votes: attendance is the meeting's record, whatever the form says about it.
  const recorded = [
    { id: 'm1', label: 'Andrea Cassani', attendance: 'present' as const },
    { id: 'm2', label: 'Franco Zeni', attendance: 'delegated' as const },
    { id: 'm3', label: 'Anna Pugliese', attendance: 'absent' as const },
  ];
  assert.deepEqual(parseVotesForm({ 'attendance.m1': 'absent', 'vote.m1': 'for', 'vote.m2': 'none', 'attendance.m3': 'present' }, recorded), [
    { memberId: 'm1', attendance: 'present', vote: 'for' },
    { memberId: 'm2', attendance: 'delegated', vote: null },
    { memberId: 'm3', attendance: 'absent', vote: null },
  ]);
  assert.throws(
    () => parseVotesForm({ 'vote.m1': 'against', 'vote.m3': 'for' }, recorded),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.issues.length === 1 &&
      e.issues[0]!.path === 'vote.m3' &&
      /risulta assente nelle presenze registrate.*ricarica la pagina/.test(e.issues[0]!.message),
  );
});

test('attachments: the type comes from the extension, must match the content, and 10 MB is the limit', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n');
  assert.deepEqual(checkAttachment({ name: 'Verbale 02.12.2024.PDF', bytes: pdf }), {
    fileName: 'Verbale 02.12.2024.PDF',
    mimeType: 'application/pdf',
    extension: 'pdf',
    sizeBytes: 9,
  });
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
  assert.equal(checkAttachment({ name: 'bilancio.ods', bytes: zip }).mimeType, 'application/vnd.oasis.opendocument.spreadsheet');
  assert.equal(checkAttachment({ name: 'relazione.docx', bytes: zip }).mimeType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(checkAttachment({ name: 'foto.jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) }).mimeType, 'image/jpeg');
  assert.equal(checkAttachment({ name: '../../etc/passwd.csv', bytes: new TextEncoder().encode('a;b\n') }).fileName, '.._.._etc_passwd.csv');
  const refusal = (name: string, bytes: Uint8Array, only?: ['pdf']) => {
    try {
      checkAttachment({ name, bytes }, { field: 'file', only });
      return null;
    } catch (e) {
      assert.ok(e instanceof ValidationError);
      return e.issues[0]!.message;
    }
  };
  const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
  big.set(pdf);
  assert.equal(refusal('grande.pdf', big), 'Il file «grande.pdf» pesa 10,0 MB: il limite è 10 MB.');
  const exact = new Uint8Array(MAX_ATTACHMENT_BYTES);
  exact.set(pdf);
  assert.equal(refusal('limite.pdf', exact), null);
  assert.equal(refusal('script.js', pdf), 'Tipo di file non ammesso («.js») per «script.js»: sono ammessi PDF, ODT, DOCX, XLSX, ODS, CSV, PNG, JPEG.');
  assert.equal(refusal('senza-estensione', pdf), 'Tipo di file non ammesso per «senza-estensione»: sono ammessi PDF, ODT, DOCX, XLSX, ODS, CSV, PNG, JPEG.');
  assert.equal(refusal('finto.png', pdf), 'Il contenuto di «finto.png» non è un file PNG: controlla di aver scelto il file giusto.');
  assert.equal(
    refusal('binario.csv', new Uint8Array([0x41, 0x00, 0x42])),
    'Il contenuto di «binario.csv» non è un file CSV: controlla di aver scelto il file giusto.',
  );
  assert.equal(refusal('accordo.odt', zip, ['pdf']), 'Tipo di file non ammesso («.odt») per «accordo.odt»: sono ammessi PDF.');
});
