// Codice fiscale: validation of its form and check character, with no I/O (it does not ask the Agenzia delle
// Entrate whether the code was actually assigned).
// - Persons: 16 characters, DM 23 dicembre 1976 (Ministero delle Finanze, «Sistemi di codificazione dei soggetti da
//   iscrivere all'anagrafe tributaria»), in force under DPR 605/1973: 3 letters of the surname, 3 of the name, 2 digits
//   of the year of birth, 1 letter of the month (A B C D E H L M P R S T), 2 digits of the day (women + 40), the
//   Belfiore code of the comune or foreign state of birth (1 letter + 3 digits) and a check letter. Omocodia: when two
//   persons would share a code, the Agenzia replaces digits, starting from the rightmost, with the letters
//   L M N P Q R S T U V (0…9); any of the seven digit positions may therefore hold one of those letters.
// - Organisations (and the partita IVA, DPR 633/1972 art. 35): 11 digits, 7 of progressive number, 3 of the office
//   code and a check digit computed like Luhn's: odd positions are added, even positions doubled (minus 9 when over 9),
//   and the check digit brings the total to a multiple of 10. The office code is not checked here: its table changed
//   over time (new provinces, special codes) and a valid code must never be refused.

import { registerMessages } from '../../shared/i18n/messages.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import * as messages from './governance.messages.ts';

// The answers are worded from the module's dictionary, in the language of the request (Italian outside a request).
registerMessages(messages);

export type FiscalCodeKind = 'organisation' | 'person';

export type FiscalCodeCheck = { ok: true; kind: FiscalCodeKind; normalised: string } | { ok: false; message: string };

/** Month letters of the codice fiscale, January to December. */
export const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Omocodia letters, standing for the digits 0…9. */
export const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** Positions (0-based) of the seven digits that omocodia may replace with letters. */
export const OMOCODIA_POSITIONS = [6, 7, 9, 10, 12, 13, 14] as const;

/** Values of A-Z (and 0-9, as A-J) in odd positions (1st, 3rd, … 15th), from the DM 23/12/1976 table. */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function characterIndex(c: string): number {
  const code = c.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 65;
}

/** The check letter of the first 15 characters of a person's codice fiscale (uppercase, already validated). */
export function personCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const index = characterIndex(first15[i]!);
    // i is 0-based: even i is an odd (1st, 3rd…) position.
    sum += i % 2 === 0 ? ODD_VALUES[index]! : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The check digit of the first 10 digits of an organisation's codice fiscale / partita IVA. */
export function organisationCheckDigit(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Checks an Italian codice fiscale: 11 digits (organisations, also the partita IVA) or 16 characters (persons,
 * omocodia included). Spaces are ignored and letters uppercased; the answer names what is wrong.
 */
export function checkFiscalCode(value: string): FiscalCodeCheck {
  if (typeof value !== 'string') return { ok: false, message: tr('gov.cf.notText') };
  const code = value.replace(/\s+/g, '').toUpperCase();
  if (!code) return { ok: false, message: tr('gov.cf.empty') };
  const invalid = [...new Set(code.replace(/[A-Z0-9]/g, ''))];
  if (invalid.length) {
    return { ok: false, message: tr('gov.cf.characters', { characters: invalid.map((c) => `«${c}»`).join(' ') }) };
  }
  if (/^IT\d{11}$/.test(code)) {
    return { ok: false, message: tr('gov.cf.itPrefix') };
  }
  if (/^\d+$/.test(code)) return checkOrganisation(code);
  if (code.length !== 16) {
    return { ok: false, message: tr('gov.cf.length', { length: code.length }) };
  }
  return checkPerson(code);
}

function checkOrganisation(code: string): FiscalCodeCheck {
  if (code.length !== 11) {
    return { ok: false, message: code.length === 1 ? tr('gov.cf.digitsOne') : tr('gov.cf.digits', { length: code.length }) };
  }
  if (code.startsWith('0000000')) {
    return { ok: false, message: tr('gov.cf.progressiveZero') };
  }
  if (organisationCheckDigit(code.slice(0, 10)) !== code[10]) {
    return { ok: false, message: tr('gov.cf.checkDigit') };
  }
  return { ok: true, kind: 'organisation', normalised: code };
}

/** The digit a person's-code position stands for (a digit, or an omocodia letter), or null. */
function omocodiaDigit(c: string): number | null {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  const i = OMOCODIA_LETTERS.indexOf(c);
  return i >= 0 ? i : null;
}

function checkPerson(code: string): FiscalCodeCheck {
  if (!/^[A-Z]{6}$/.test(code.slice(0, 6))) {
    return { ok: false, message: tr('gov.cf.names', { part: code.slice(0, 6) }) };
  }
  const numeric = (positions: readonly number[]) => {
    let n = 0;
    for (const p of positions) {
      const d = omocodiaDigit(code[p]!);
      if (d === null) return null;
      n = n * 10 + d;
    }
    return n;
  };
  const year = numeric([6, 7]);
  if (year === null) {
    return { ok: false, message: tr('gov.cf.year', { part: code.slice(6, 8) }) };
  }
  const month = MONTH_LETTERS.indexOf(code[8]!) + 1;
  if (month === 0) {
    return { ok: false, message: tr('gov.cf.month', { part: code[8]!, letters: MONTH_LETTERS.split('').join(' ') }) };
  }
  const dayCode = numeric([9, 10]);
  if (dayCode === null) {
    return { ok: false, message: tr('gov.cf.dayDigits', { part: code.slice(9, 11) }) };
  }
  const day = dayCode > 40 ? dayCode - 40 : dayCode;
  const monthLength = month === 2 ? (year % 4 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day < 1 || day > monthLength || (dayCode > 31 && dayCode < 41)) {
    return { ok: false, message: tr('gov.cf.day', { part: code.slice(9, 11), last: monthLength, lastWomen: monthLength + 40 }) };
  }
  if (!/^[A-Z]$/.test(code[11]!) || numeric([12, 13, 14]) === null) {
    return { ok: false, message: tr('gov.cf.place', { part: code.slice(11, 15) }) };
  }
  if (!/^[A-Z]$/.test(code[15]!) || personCheckCharacter(code.slice(0, 15)) !== code[15]) {
    return { ok: false, message: tr('gov.cf.checkCharacter') };
  }
  return { ok: true, kind: 'person', normalised: code };
}
