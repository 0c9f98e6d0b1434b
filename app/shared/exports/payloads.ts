// The formula-injection corpus the writers' tests share: what a spreadsheet would run, and what must pass untouched.

/** Text a spreadsheet would read as a formula (or whose first character some importer drops before one). */
export const FORMULA_PAYLOADS: readonly string[] = [
  '=1+1',
  '+1',
  '-1+2',
  '@SUM(A1)',
  '=HYPERLINK("http://x","y")',
  `=cmd|' /C calc'!A0`,
  '\t=1',
  '\r=1',
  '\n=1',
  '\0=1',
  // Full-width equals, plus, minus, at: Excel turns them into formulas when typed with an East Asian input method.
  '＝1',
  '＋1',
  '－1',
  '＠SUM(A1)',
  // Leading blanks before a formula: Excel and LibreOffice keep them (text), but some importers trim them.
  ' =1',
  '\u00a0=1',
  '\u3000=1',
  // Negative-looking text that is not a plain number.
  '- 5',
  '-5+1',
  '-A1',
  '+39 02 1234',
];

/** Text that stays as it is: no formula prefix, or a negative number written as text on purpose. */
export const SAFE_TEXT: readonly string[] = [
  'Comune di Gallarate',
  'Ambito n. 5 – Sebino',
  'Piano 2025-2027',
  'a=b',
  'e-mail: x@y.it',
  '-5',
  '-0,25',
  '-1.234,56',
  '-1250.5',
  '-',
  '',
];
