import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarFeed, escapeText, foldLine, formatUtc, meetingToIcs, type MeetingEvent } from './icalendar.ts';
import { issuesOf } from '../../shared/validation.testing.ts';

// The Assemblea dei Sindaci of the Ambito di Gallarate adopted the Piano di Zona 2025-2027 on 02.12.2024 (seed 002,
// L99-L103), in the «Sala messa a disposizione dal Comune Capofila» (L646-L647). The seed gives no hour: 17-19 is an
// example; the addresses use the reserved domain cantiere.example.
const ASSEMBLEA: MeetingEvent = {
  uid: 'assemblea-sindaci-2024-12-02@cantiere.example',
  title: 'Assemblea dei Sindaci dell’Ambito di Gallarate: adozione del Piano di Zona 2025-2027',
  description:
    'Ordine del giorno:\n1. adozione del Piano di Zona 2025-2027, parte integrante e sostanziale dell’Accordo di Programma;\n2. comunicazioni del Presidente.',
  location: 'Sala messa a disposizione dal Comune Capofila, Gallarate',
  url: 'https://cantiere.example/ambiti/gallarate/riunioni/assemblea-2024-12-02',
  start: '2024-12-02T17:00:00+01:00',
  end: '2024-12-02T19:00:00+01:00',
  organizer: { name: 'Ufficio di Piano, Ambito di Gallarate', email: 'ufficio.piano@cantiere.example' },
  sequence: 0,
  status: 'CONFIRMED',
};
const NOW = new Date('2024-11-25T09:30:00Z');

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');
/** Each of `wanted` is one of the (unfolded) lines of `ics`. */
const assertLines = (ics: string, wanted: readonly string[]) => {
  const lines = unfold(ics).split('\r\n');
  for (const line of wanted) assert.ok(lines.includes(line), line);
};
/** The problems `fn` is refused with, as «where: what». */
const problems = (fn: () => unknown) => issuesOf(fn).map((i) => `${i.path}: ${i.message}`);

test('one meeting becomes exactly this RFC 5545 request', () => {
  assert.equal(
    meetingToIcs(ASSEMBLEA, NOW),
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Cantiere//Piano di Zona//IT',
      'CALSCALE:GREGORIAN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:assemblea-sindaci-2024-12-02@cantiere.example',
      'DTSTAMP:20241125T093000Z',
      'DTSTART:20241202T160000Z',
      'DTEND:20241202T180000Z',
      'SEQUENCE:0',
      'STATUS:CONFIRMED',
      'SUMMARY:Assemblea dei Sindaci dell’Ambito di Gallarate: adozione del Pian',
      ' o di Zona 2025-2027',
      'DESCRIPTION:Ordine del giorno:\\n1. adozione del Piano di Zona 2025-2027\\, p',
      ' arte integrante e sostanziale dell’Accordo di Programma\\;\\n2. comunicazi',
      ' oni del Presidente.',
      'LOCATION:Sala messa a disposizione dal Comune Capofila\\, Gallarate',
      'URL:https://cantiere.example/ambiti/gallarate/riunioni/assemblea-2024-12-02',
      'ORGANIZER;CN="Ufficio di Piano, Ambito di Gallarate":mailto:ufficio.piano@c',
      ' antiere.example',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n'),
  );
});

test('every line ends with CRLF and no bare line feed is left', () => {
  const ics = meetingToIcs(ASSEMBLEA, NOW);
  assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  assert.equal(ics.replace(/\r\n/g, '').includes('\n'), false);
  assert.equal(ics.replace(/\r\n/g, '').includes('\r'), false);
});

test('long Italian text with accents is folded at 75 octets without splitting a character', () => {
  // Seed 002, L596-L598.
  const text =
    'L’Assemblea dei Sindaci è costituita dai Sindaci dei Comuni dell’Ambito di Gallarate o loro delegati. ' +
    'Partecipano inoltre il Direttore Generale ATS Insubria o suo delegato, Direttore Generale ASST Valle ' +
    'Olona o suo delegato, il Responsabile dell’Ufficio di Piano o suo delegato ed il verbalizzante. Attività, città, perché: àèéìòù €.';
  const line = `DESCRIPTION:${escapeText(text)}`;
  const folded = foldLine(line);
  const physical = folded.split('\r\n');
  assert.ok(physical.length > 4);
  for (const [i, l] of physical.entries()) {
    assert.ok(octets(l) <= 75, `riga ${i + 1}: ${octets(l)} ottetti`);
    if (i > 0) assert.ok(l.startsWith(' '), `riga ${i + 1} senza spazio iniziale`);
    // A split inside a multi-byte character would leave a lone surrogate or U+FFFD after a round trip.
    assert.equal(new TextDecoder().decode(new TextEncoder().encode(l)), l);
  }
  assert.equal(unfold(folded), line);
  // Lines are filled: a fold happens only when the next character would not fit.
  for (let i = 0; i < physical.length - 1; i++) {
    const next = [...physical[i + 1]!.slice(1)][0]!;
    assert.ok(octets(physical[i]!) + octets(next) > 75);
  }
});

test('two-byte, three-byte and four-byte characters are kept whole across folds', () => {
  for (const ch of ['à', '’', '€', '🙂']) {
    const line = `SUMMARY:${ch.repeat(60)}`;
    const folded = foldLine(line);
    for (const l of folded.split('\r\n')) {
      assert.ok(octets(l) <= 75);
      assert.ok([...l.trimStart()].every((c) => c === ch || c === ':' || /[A-Z]/.test(c)));
    }
    assert.equal(unfold(folded), line);
  }
  assert.equal(foldLine('SUMMARY:breve'), 'SUMMARY:breve');
  assert.equal(foldLine('X'.repeat(75)), 'X'.repeat(75));
  assert.equal(foldLine('X'.repeat(76)), `${'X'.repeat(75)}\r\n X`);
});

test('commas, semicolons, backslashes and newlines are escaped in text, other control characters dropped', () => {
  assert.equal(escapeText('Anziani, disabili; famiglie\\minori'), 'Anziani\\, disabili\\; famiglie\\\\minori');
  assert.equal(escapeText('riga 1\r\nriga 2\rriga 3\nriga 4'), 'riga 1\\nriga 2\\nriga 3\\nriga 4');
  assert.equal(escapeText('a\u0007b\tc'), 'ab\tc');
  const ics = meetingToIcs({ ...ASSEMBLEA, title: 'Tavolo tematico: anziani, disabilità; povertà', description: null }, NOW);
  assert.ok(ics.includes('\r\nSUMMARY:Tavolo tematico: anziani\\, disabilità\\; povertà\r\n'));
});

test('a cancelled meeting is sent as METHOD:CANCEL with the same UID and a higher SEQUENCE', () => {
  const ics = meetingToIcs({ ...ASSEMBLEA, status: 'CANCELLED', sequence: 1 }, new Date('2024-11-29T08:00:00.750Z'));
  assertLines(ics, ['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:1', 'UID:assemblea-sindaci-2024-12-02@cantiere.example', 'DTSTAMP:20241129T080000Z']);
});

test('times are converted to UTC, in winter and in summer, from a Date or an ISO string with offset', () => {
  assert.equal(formatUtc(new Date('2025-06-16T18:00:00+02:00')), '20250616T160000Z');
  const ics = meetingToIcs(
    { ...ASSEMBLEA, start: new Date('2025-06-16T18:00:00+02:00'), end: '2025-06-16T16:30:00Z', organizer: null, url: null, location: null, description: null },
    NOW,
  );
  assertLines(ics, ['DTSTART:20250616T160000Z', 'DTEND:20250616T163000Z']);
  const lines = unfold(ics).split('\r\n');
  assert.equal(
    lines.some((l) => /^(URL|LOCATION|DESCRIPTION|ORGANIZER)[:;]/.test(l)),
    false,
  );
});

test('the organiser’s name loses the double quotes a parameter cannot hold', () => {
  const ics = meetingToIcs({ ...ASSEMBLEA, organizer: { name: 'Ufficio "di Piano"', email: 'udp@cantiere.example' } }, NOW);
  assert.ok(unfold(ics).includes('\r\nORGANIZER;CN="Ufficio di Piano":mailto:udp@cantiere.example\r\n'));
  const anonymous = meetingToIcs({ ...ASSEMBLEA, organizer: { name: ' ', email: 'udp@cantiere.example' } }, NOW);
  assert.ok(unfold(anonymous).includes('\r\nORGANIZER:mailto:udp@cantiere.example\r\n'));
});

test('a feed lists several meetings under the calendar name, without a scheduling method', () => {
  const tavolo: MeetingEvent = {
    uid: 'tavolo-tecnici-2025-01@cantiere.example',
    title: 'Tavolo dei Tecnici',
    location: 'Sede messa a disposizione dal Comune Capofila',
    start: '2025-01-14T09:30:00+01:00',
    end: '2025-01-14T12:00:00+01:00',
    sequence: 2,
    status: 'CANCELLED',
  };
  const feed = calendarFeed([ASSEMBLEA, tavolo], 'Ambito di Gallarate, riunioni', NOW);
  const lines = unfold(feed).split('\r\n');
  assert.deepEqual(lines.slice(0, 8), [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cantiere//Piano di Zona//IT',
    'CALSCALE:GREGORIAN',
    'NAME:Ambito di Gallarate\\, riunioni',
    'X-WR-CALNAME:Ambito di Gallarate\\, riunioni',
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ]);
  assert.equal(
    lines.some((l) => l.startsWith('METHOD:')),
    false,
  );
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
  assert.equal(lines.filter((l) => l === 'END:VEVENT').length, 2);
  assertLines(feed, ['UID:tavolo-tecnici-2025-01@cantiere.example', 'DTSTART:20250114T083000Z', 'STATUS:CANCELLED', 'SEQUENCE:2']);
  assert.equal(lines.filter((l) => l === 'DTSTAMP:20241125T093000Z').length, 2);
  assert.ok(feed.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n'));
  for (const l of feed.split('\r\n')) assert.ok(octets(l) <= 75);
});

test('a feed with no meetings is an empty calendar', () => {
  assert.equal(
    calendarFeed([], 'Tavoli tematici', NOW),
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cantiere//Piano di Zona//IT\r\nCALSCALE:GREGORIAN\r\nNAME:Tavoli tematici\r\n' +
      'X-WR-CALNAME:Tavoli tematici\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\nEND:VCALENDAR\r\n',
  );
});

test('invalid meetings are refused with every field named', () => {
  const invalid = {
    ...ASSEMBLEA,
    uid: ' ',
    start: '2024-12-02T17:00:00',
    end: '2024-12-02T16:00:00+01:00',
    url: 'cantiere.example/riunioni',
    organizer: { name: 'Ufficio di Piano', email: 'ufficio.piano' },
    sequence: -1,
  };
  assert.deepEqual(
    problems(() => meetingToIcs(invalid, NOW)),
    [
      'uid: l’identificativo (UID) della riunione è obbligatorio',
      'indirizzo web: indirizzo web non valido: «cantiere.example/riunioni» (serve un indirizzo completo http:// o https://)',
      'inizio: inizio: data e ora non valide «2024-12-02T17:00:00» (formato ISO 8601 con fuso orario, es. 2024-12-02T17:00:00+01:00)',
      'sequenza: numero di versione (SEQUENCE) non valido: «-1» (intero da 0 in su)',
      'organizzatore, email: indirizzo email dell’organizzatore non valido: «ufficio.piano»',
    ],
  );
  assert.deepEqual(
    problems(() => meetingToIcs({ ...ASSEMBLEA, end: ASSEMBLEA.start }, NOW)),
    ['fine: la fine della riunione deve essere successiva all’inizio'],
  );
  assert.deepEqual(
    problems(() => meetingToIcs(ASSEMBLEA, new Date('x'))),
    ['now: data e ora di generazione non valide'],
  );
});

test('a feed names the meeting of each problem and refuses a repeated UID', () => {
  const feed = [ASSEMBLEA, { ...ASSEMBLEA, title: 'Assemblea (rinvio)' }, { ...ASSEMBLEA, uid: 'altra@cantiere.example', title: '' }];
  assert.deepEqual(
    problems(() => calendarFeed(feed, ' ', NOW)),
    [
      'nome del calendario: il nome del calendario è obbligatorio',
      'riunione 2 («Assemblea (rinvio)»), uid: identificativo «assemblea-sindaci-2024-12-02@cantiere.example» già usato dalla riunione 1',
      'riunione 3, titolo: il titolo della riunione è obbligatorio',
    ],
  );
});
