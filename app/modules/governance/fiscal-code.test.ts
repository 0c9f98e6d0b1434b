import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFiscalCode, organisationCheckDigit, personCheckCharacter } from './fiscal-code.ts';

/** The code is refused with this message. */
const assertRefused = (code: string, message: string) => assert.deepEqual(checkFiscalCode(code), { ok: false, message }, code);

// An independent implementation of the two algorithms, written from the DM 23/12/1976 tables, to build valid codes.

function luhnLikeCheckDigit(first10: string): number {
  let sum = 0;
  [...first10].forEach((c, i) => {
    const d = Number(c);
    // Positions 1, 3, 5… (1-based) are added as they are; positions 2, 4, 6… are doubled, digits summed.
    sum += i % 2 === 0 ? d : [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][d]!;
  });
  return (10 - (sum % 10)) % 10;
}

const ODD: Record<string, number> = {
  '0': 1,
  '1': 0,
  '2': 5,
  '3': 7,
  '4': 9,
  '5': 13,
  '6': 15,
  '7': 17,
  '8': 19,
  '9': 21,
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
};
const EVEN = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 'A'.charCodeAt(0));

function withCheckCharacter(first15: string): string {
  let sum = 0;
  [...first15].forEach((c, i) => (sum += i % 2 === 0 ? ODD[c]! : EVEN(c)));
  return first15 + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[sum % 26];
}

// Codes of real public bodies, as printed in their own deeds:
// Convenzione per il servizio associato di segreteria comunale tra i Comuni di Garbagna Novarese, Mandello Vitta,
// Vespolate e Biandrate (2015): Garbagna Novarese «C.F. e P.I. 00423600030», Mandello Vitta «C.F. 80005350030 e
// P.I. 00417250032», Vespolate «C.F. e P.I. 00433300035»; Convenzione SUA Trecate: Comune di Trecate
// «C.F. 80005270030», Consorzio Servizi Socio Assistenziali Ovest Ticino «C.F./P.IVA 01622460036».
// (The seed plans print no 11-digit code of their comuni.)
const PUBLIC_BODIES = [
  ['Comune di Garbagna Novarese', '00423600030'],
  ['Comune di Mandello Vitta (codice fiscale)', '80005350030'],
  ['Comune di Mandello Vitta (partita IVA)', '00417250032'],
  ['Comune di Vespolate', '00433300035'],
  ['Comune di Trecate', '80005270030'],
  ['Consorzio Servizi Socio Assistenziali Ovest Ticino', '01622460036'],
] as const;

test('the codes of real comuni and of a consorzio socio-assistenziale are valid organisation codes', () => {
  for (const [name, code] of PUBLIC_BODIES) {
    assert.equal(luhnLikeCheckDigit(code.slice(0, 10)), Number(code[10]), name);
    assert.deepEqual(checkFiscalCode(code), { ok: true, kind: 'organisation', normalised: code }, name);
  }
});

test('the check digit of organisations agrees with an independent implementation on many codes', () => {
  for (let n = 1; n <= 5000; n++) {
    const first10 = String((n * 7_919_117) % 10_000_000).padStart(7, '0') + String(n % 121).padStart(3, '0');
    if (first10.startsWith('0000000')) continue;
    const code = first10 + luhnLikeCheckDigit(first10);
    assert.equal(organisationCheckDigit(first10), String(luhnLikeCheckDigit(first10)));
    assert.equal(checkFiscalCode(code).ok, true, code);
  }
});

test('any single mistyped digit of an organisation code is detected', () => {
  for (const [, code] of PUBLIC_BODIES) {
    for (let i = 0; i < 11; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[i]) continue;
        const wrong = code.slice(0, i) + d + code.slice(i + 1);
        const result = checkFiscalCode(wrong);
        assert.equal(result.ok, false, wrong);
      }
    }
  }
  assertRefused(
    '00423600031',
    'Il codice fiscale non è valido: l’ultima cifra (di controllo) non corrisponde alle precedenti. Controlla di averlo copiato correttamente.',
  );
});

test('organisation codes of the wrong length, with a country prefix or with a zero progressive number are refused', () => {
  assertRefused('0042360003', 'Il codice fiscale numerico ha 10 cifre: ne servono 11.');
  assertRefused('IT00423600030', 'Togli il prefisso «IT»: il codice fiscale di un ente o la partita IVA è di 11 cifre.');
  assertRefused('00000000000', 'Il codice fiscale non è valido: il numero progressivo (le prime 7 cifre) non può essere zero.');
});

test('spaces are ignored and letters uppercased', () => {
  assert.deepEqual(checkFiscalCode(' 004 236 000 30 '), { ok: true, kind: 'organisation', normalised: '00423600030' });
  const code = withCheckCharacter('RSSMRA85T10H501');
  assert.deepEqual(checkFiscalCode(` ${code.slice(0, 6).toLowerCase()} ${code.slice(6)} `), { ok: true, kind: 'person', normalised: code });
});

test('a person’s code built by the official algorithm is valid, for a man and for a woman born on 29 February', () => {
  // Mario Rossi, born 10/12/1985 in Roma (H501).
  const mario = withCheckCharacter('RSSMRA85T10H501');
  assert.equal(mario, 'RSSMRA85T10H501O');
  assert.equal(personCheckCharacter(mario.slice(0, 15)), 'O');
  assert.deepEqual(checkFiscalCode(mario), { ok: true, kind: 'person', normalised: mario });
  // Anna Bianchi, born 29/02/1984 in Gallarate (D869): day 29 + 40 = 69.
  const anna = withCheckCharacter('BNCNNA84B69D869');
  assert.equal(anna, 'BNCNNA84B69D869U');
  assert.deepEqual(checkFiscalCode(anna), { ok: true, kind: 'person', normalised: anna });
});

test('the textbook example of a codice fiscale (Mario Rossi, born 10/12/1985, Belfiore code A562) is valid', () => {
  // The example used by the it.wikipedia article «Codice fiscale».
  assert.equal(withCheckCharacter('RSSMRA85T10A562'), 'RSSMRA85T10A562S');
  assert.deepEqual(checkFiscalCode('RSSMRA85T10A562S'), { ok: true, kind: 'person', normalised: 'RSSMRA85T10A562S' });
  assert.equal(checkFiscalCode('RSSMRA85T10A562T').ok, false);
});

test('the check character agrees with an independent implementation on many codes', () => {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let n = 0; n < 3000; n++) {
    const name = [0, 1, 2, 3, 4, 5].map((k) => letters[(n * (k + 3) + k * 7) % 26]).join('');
    const yy = String(n % 100).padStart(2, '0');
    const month = 'ABCDEHLMPRST'[n % 12]!;
    const day = String((n % 28) + 1 + (n % 2 ? 40 : 0)).padStart(2, '0');
    const place = letters[n % 26]! + String(n % 1000).padStart(3, '0');
    const code = withCheckCharacter(`${name}${yy}${month}${day}${place}`);
    assert.equal(personCheckCharacter(code.slice(0, 15)), code[15], code);
    assert.equal(checkFiscalCode(code).ok, true, code);
  }
});

test('omocodia codes, with digits replaced by L…V from the right, are valid with their own check letter', () => {
  const base = 'RSSMRA85T10H501';
  const omocodia = 'LMNPQRSTUV';
  const positions = [14, 13, 12, 10, 9, 7, 6];
  let first15 = base;
  for (const p of positions) {
    first15 = first15.slice(0, p) + omocodia[Number(first15[p])] + first15.slice(p + 1);
    const code = withCheckCharacter(first15);
    assert.deepEqual(checkFiscalCode(code), { ok: true, kind: 'person', normalised: code }, code);
  }
  assert.equal(first15, 'RSSMRAURTMLHRLM');
  // An omocodia letter with the check letter of the original code is an error.
  const original = withCheckCharacter(base);
  assert.equal(first15 + personCheckCharacter(first15), 'RSSMRAURTMLHRLMJ');
  const once = withCheckCharacter('RSSMRA85T10H50M');
  assert.equal(once, 'RSSMRA85T10H50MG');
  assert.notEqual(once[15], original[15]);
  assert.equal(checkFiscalCode('RSSMRA85T10H50M' + original[15]).ok, false);
});

test('a person’s code with a wrong check character is refused', () => {
  const code = withCheckCharacter('RSSMRA85T10H501');
  const wrong = code.slice(0, 15) + (code[15] === 'A' ? 'B' : 'A');
  assertRefused(
    wrong,
    'Il codice fiscale non è valido: l’ultimo carattere (di controllo) non corrisponde ai precedenti. Controlla di averlo copiato correttamente.',
  );
});

test('each malformed part of a person’s code is named', () => {
  assertRefused(withCheckCharacter('RSSMR185T10H501'), 'I primi 6 caratteri (cognome e nome) devono essere lettere: «RSSMR1».');
  assertRefused(withCheckCharacter('RSSMRA8AT10H501'), 'L’anno di nascita (7º e 8º carattere) deve essere di due cifre: «8A».');
  assertRefused(withCheckCharacter('RSSMRA85F10H501'), 'Il mese di nascita (9º carattere) non è valido: «F». Lettere ammesse: A B C D E H L M P R S T.');
  assertRefused(
    withCheckCharacter('RSSMRA85T32H501'),
    'Il giorno di nascita (10º e 11º carattere) non è valido: «32». Per gli uomini va da 01 a 31, per le donne da 41 a 71 (giorno + 40).',
  );
  // 30 February, and 29 February of a year that is not a leap year.
  assert.equal(checkFiscalCode(withCheckCharacter('BNCNNA84B70D869')).ok, false);
  assertRefused(
    withCheckCharacter('BNCNNA85B69D869'),
    'Il giorno di nascita (10º e 11º carattere) non è valido: «69». Per gli uomini va da 01 a 28, per le donne da 41 a 68 (giorno + 40).',
  );
  assert.equal(checkFiscalCode(withCheckCharacter('RSSMRA85D31H501')).ok, false, '31 April');
  assertRefused(
    withCheckCharacter('RSSMRA85T108501'),
    'Il codice del comune o dello stato di nascita (dal 12º al 15º carattere) deve essere una lettera seguita da 3 cifre: «8501».',
  );
});

test('codes of the wrong length or with other characters are refused with what is wrong', () => {
  assertRefused('', 'Il codice fiscale è vuoto.');
  assertRefused(
    'RSSMRA85T10H501',
    'Il codice fiscale ha 15 caratteri: quello di una persona ne ha 16 (lettere e cifre), quello di un ente o la partita IVA 11 cifre.',
  );
  assertRefused('RSS-MRA-85T10H501X', 'Il codice fiscale contiene caratteri non ammessi («-»): sono ammesse solo lettere e cifre.');
  assertRefused('004.236.000.30', 'Il codice fiscale contiene caratteri non ammessi («.»): sono ammesse solo lettere e cifre.');
});
