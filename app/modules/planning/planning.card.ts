// The objective card editor's mapping between the regional template's field types and form controls / card values.
// Values follow the plan exchange format: text, boolean, { answer, text } for yes/no questions, lists of choices.
import type { TemplateField } from './template.schema.ts';
import { stableJson } from './planning.rules.ts';
import { parseItalianNumber } from '../../shared/format/index.ts';
import { describeTargetRule, type TargetRule, type TargetRuleType } from './targets.vocabulary.ts';

export type CardControl = 'textarea' | 'yesno' | 'yesno_text' | 'choice' | 'checkboxes';

/** The form control for a template field type. */
export function controlFor(field: Pick<TemplateField, 'type'>): CardControl {
  switch (field.type) {
    case 'yesno':
      return 'yesno';
    case 'yesno_text':
    case 'policy_areas':
      return 'yesno_text';
    case 'choice':
      return 'choice';
    case 'multichoice':
    case 'key_points':
      return 'checkboxes';
    default:
      return 'textarea';
  }
}

type Getter = (name: string) => string[];
/** Browsers submit a textarea's line breaks as CRLF: the card stores them as LF, so an unchanged text stays the same. */
export const lf = (v: string) => v.replace(/\r\n?/g, '\n');
const one = (get: Getter, name: string) => lf(get(name)[0] ?? '').trim();

/**
 * Builds the card from submitted form values (`card.<key>`, `card.<key>.answer`, `card.<key>.text`,
 * `card.<key>.other`). Empty fields are left out of the card, as the exchange format wants.
 */
export function cardFromForm(fields: readonly TemplateField[], get: Getter): Record<string, unknown> {
  const card: Record<string, unknown> = {};
  for (const f of fields) {
    const base = `card.${f.key}`;
    switch (controlFor(f)) {
      case 'textarea':
      case 'choice': {
        const v = one(get, base);
        if (v) card[f.key] = v;
        break;
      }
      case 'yesno':
      case 'yesno_text': {
        const a = one(get, `${base}.answer`);
        const text = one(get, `${base}.text`);
        if (a || text) card[f.key] = { answer: a === 'si' ? true : a === 'no' ? false : null, text: text || null };
        break;
      }
      case 'checkboxes': {
        const chosen = get(base)
          .map((v) => v.trim())
          .filter(Boolean);
        const other = one(get, `${base}.other`)
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        const all = [...new Set([...chosen, ...other])];
        if (all.length) card[f.key] = all;
        break;
      }
    }
  }
  return card;
}

/** The text of a card value for reading and printing. */
export function cardValueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Sì' : 'No';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object' && 'answer' in value) {
    const v = value as { answer: boolean | null; text: string | null };
    const answer = v.answer === null ? '' : v.answer ? 'Sì' : 'No';
    return [answer, v.text].filter(Boolean).join(' — ');
  }
  return JSON.stringify(value);
}

/** The options offered for a checkbox field: the template's options, or the key points of the objective's policy areas. */
export function optionsFor(field: TemplateField, keyPoints: readonly string[]): string[] {
  if (field.type === 'key_points') return [...keyPoints];
  return field.options ? [...field.options] : [];
}

/**
 * The key points offered to an objective, written as the exchange format writes them: with the letter of their
 * area («A) Contrasto all’isolamento»), area by area in the objective's order (its main area first). An objective
 * with no area is transversal to all of them: every area's key points, without letter, once each.
 */
export function keyPointOptions(areas: readonly { code: string; keyPoints?: readonly string[] }[], objectiveAreas: readonly string[]): string[] {
  if (objectiveAreas.length === 0) return [...new Set(areas.flatMap((a) => a.keyPoints ?? []))];
  return objectiveAreas.flatMap((code) => (areas.find((a) => a.code === code)?.keyPoints ?? []).map((k) => `${code}) ${k}`));
}

/** The policy areas from the form: the main area first, then the other ticked ones in the template's order. */
export function policyAreasFromForm(main: string, ticked: readonly string[], stored: readonly string[]): string[] {
  const list = main ? [main, ...ticked.filter((a) => a !== main)] : [...ticked];
  // Same areas and same main area: keep the stored order (a save that changes nothing must not reorder them).
  const sameSet = list.length === stored.length && list.every((a) => stored.includes(a));
  return sameSet && (list[0] ?? null) === (stored[0] ?? null) ? [...stored] : list;
}

const items = (v: unknown): string[] | null =>
  typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...(v as string[])].sort() : null;

/** Whether two card values say the same thing: a text and a one-item list of it, a list in another order, '' and null. */
export function sameCardValue(a: unknown, b: unknown): boolean {
  if (stableJson(a ?? null) === stableJson(b ?? null)) return true;
  const ia = items(a);
  const ib = items(b);
  if (ia && ib) return ia.length === ib.length && ia.every((x, i) => x === ib[i]);
  if (a && b && typeof a === 'object' && typeof b === 'object' && 'answer' in a && 'answer' in b) {
    const x = a as { answer: unknown; text?: unknown };
    const y = b as { answer: unknown; text?: unknown };
    return (x.answer ?? null) === (y.answer ?? null) && (x.text || null) === (y.text || null);
  }
  return false;
}

/**
 * The card to save: the submitted one, where each value that says the same as the stored one keeps the stored
 * form (the form cannot tell a text from a one-item list, nor keep the order of ticked boxes), so that saving an
 * unchanged card changes nothing.
 */
export function keepStoredValues(stored: Record<string, unknown>, submitted: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(submitted).map(([k, v]) => [k, k in stored && sameCardValue(stored[k], v) ? stored[k] : v]));
}

/** The kinds of target the indicator form offers ('' is «no target»); the vocabulary is targets.vocabulary.ts. */
export const TARGET_FORM_TYPES = ['', 'baseline', 'gte', 'gte_percent', 'gt_previous', 'lt_previous', 'eq_yes'] as const satisfies readonly (
  '' | TargetRuleType
)[];

/**
 * Yearly targets from the indicator form (`target.<year>.type|value|text`): one per plan year where a rule is
 * chosen. The text defaults to the rule in words (e.g. "≥ 50 %"). Returns issues for values that are missing;
 * `issue(year, percent)` words them.
 */
export function targetsFromForm(years: readonly number[], get: Getter, issue: (year: number, percent: boolean) => string) {
  const targets: { year: number; rule: TargetRule; text: string }[] = [];
  const issues: { path: string; message: string }[] = [];
  for (const year of years) {
    const type = one(get, `target.${year}.type`);
    if (!type) continue;
    let rule: TargetRule;
    if (type === 'gte' || type === 'gte_percent') {
      const value = parseItalianNumber(one(get, `target.${year}.value`));
      if (value === null || !Number.isFinite(value) || value < 0 || (type === 'gte_percent' && value > 100)) {
        issues.push({ path: `target.${year}.value`, message: issue(year, type === 'gte_percent') });
        continue;
      }
      rule = { type, value };
    } else {
      rule = { type } as TargetRule;
    }
    targets.push({ year, rule, text: one(get, `target.${year}.text`) || describeTargetRule(rule) });
  }
  return { targets, issues };
}

/**
 * The objective's links from the form: LEPS codes, the previous plan's objective it continues, cooperation with
 * other Ambiti (one per line, with the lead Ambito), ASST involvement, Agenda 2030 goals.
 */
export function linksFromForm(get: Getter) {
  const yesNo = (v: string) => (v === 'si' ? true : v === 'no' ? false : null);
  const ambitiList = one(get, 'links.cooperation')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    leps: get('links.leps').filter(Boolean),
    continuesObjective: one(get, 'links.continuesObjective') || null,
    cooperation: ambitiList.length ? { ambiti: ambitiList, leadAmbito: one(get, 'links.leadAmbito') || null } : null,
    asst: { needsAnalysis: yesNo(one(get, 'links.asst.needsAnalysis')), implementation: yesNo(one(get, 'links.asst.implementation')) },
    agenda2030: get('links.agenda2030')
      .map(Number)
      .filter((n) => Number.isInteger(n)),
  };
}

const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, canonical(x ?? null)]),
        )
      : (v ?? null);

/** The links to save: the stored ones when the submitted ones say the same in another order (checkbox order). */
export function keepStoredLinks<T>(stored: unknown, submitted: T): T {
  return JSON.stringify(canonical(stored)) === JSON.stringify(canonical(submitted)) ? (stored as T) : submitted;
}
