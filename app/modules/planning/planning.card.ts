// The objective card editor's mapping between the regional template's field types and form controls / card values.
// Values follow the plan exchange format: text, boolean, { answer, text } for yes/no questions, lists of choices.
import type { TemplateField } from './template.schema.ts';

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
const one = (get: Getter, name: string) => (get(name)[0] ?? '').trim();

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
      case 'yesno': {
        const a = one(get, `${base}.answer`);
        if (a) card[f.key] = { answer: a === 'si', text: null };
        break;
      }
      case 'yesno_text': {
        const a = one(get, `${base}.answer`);
        const text = one(get, `${base}.text`);
        if (a || text) card[f.key] = { answer: a === 'si' ? true : a === 'no' ? false : null, text: text || null };
        break;
      }
      case 'checkboxes': {
        const chosen = get(base).map((v) => v.trim()).filter(Boolean);
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

/** The options offered for a checkbox field: the template's options, or the key points of the plan's policy areas. */
export function optionsFor(field: TemplateField, keyPoints: readonly string[]): string[] {
  if (field.type === 'key_points') return [...keyPoints];
  return field.options ? [...field.options] : [];
}

export const TARGET_FORM_TYPES = ['', 'baseline', 'gte', 'gte_percent', 'gt_previous', 'lt_previous', 'eq_yes'] as const;

/**
 * Yearly targets from the indicator form (`target.<year>.type|value|text`): one per plan year where a rule is
 * chosen. The text defaults to the rule in words (e.g. "≥ 50 %"). Returns issues for values that are missing.
 */
export function targetsFromForm(years: readonly number[], get: Getter, describe: (rule: { type: string; value?: number }) => string) {
  const targets: { year: number; rule: Record<string, unknown>; text: string }[] = [];
  const issues: { path: string; message: string }[] = [];
  for (const year of years) {
    const type = one(get, `target.${year}.type`);
    if (!type) continue;
    const raw = one(get, `target.${year}.value`).replace(',', '.');
    let rule: { type: string; value?: number };
    if (type === 'gte' || type === 'gte_percent') {
      const value = Number(raw);
      if (!raw || !Number.isFinite(value) || value < 0 || (type === 'gte_percent' && value > 100)) {
        issues.push({ path: `target.${year}.value`, message: `Target ${year}: scrivi la soglia${type === 'gte_percent' ? ' in percentuale (0-100)' : ''}.` });
        continue;
      }
      rule = { type, value };
    } else {
      rule = { type };
    }
    targets.push({ year, rule, text: one(get, `target.${year}.text`) || describe(rule) });
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
    agenda2030: get('links.agenda2030').map(Number).filter((n) => Number.isInteger(n)),
  };
}
