// The pure rules of questionnaires: whether an answer fits its question, whether a questionnaire can be answered or
// change status, and the aggregates of the answers (counts, shares with their numerator and denominator, mean,
// distribution, min/max) beside the figures published elsewhere. They return codes and numbers, never words.

export const QUESTION_KINDS = ['scelta_singola', 'scelta_multipla', 'scala', 'numero', 'testo'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTIONNAIRE_STATUSES = ['bozza', 'aperto', 'chiuso'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];
export const AUDIENCES = ['membri', 'pubblico'] as const;
export const RESPONDENTS = ['organizzazione', 'persona'] as const;

/** A free-text answer is at most this long. */
export const TEXT_MAX = 4000;

export interface QuestionRule {
  kind: string;
  required: boolean;
  options: readonly string[];
  scaleMin: number | null;
  scaleMax: number | null;
}

export type AnswerValue = string | string[] | number;

export type AnswerProblem = 'required' | 'notInList' | 'oneOnly' | 'notANumber' | 'notInteger' | 'outOfRange' | 'tooLong';

/** What the form sent for a question: nothing, one value or (multiple choice) several. */
export type RawAnswer = string | readonly string[] | undefined | null;

/** A number as typed by an Italian user: «12», «12,5», «1.234,5». Null when it is not one. */
export function parseAnswerNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+([,.]\d+)?$/.test(t)) return null;
  const normal = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : /^-?\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '') : t;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/**
 * Checks one answer against its question: the value to store (null when the question was skipped) or the problem.
 * Required questions must be answered; a choice must be one of the options; a scale is a whole number between its
 * ends; a number is a number; a text is at most TEXT_MAX characters.
 */
export function validateAnswer(q: QuestionRule, raw: RawAnswer): { ok: true; value: AnswerValue | null } | { ok: false; problem: AnswerProblem } {
  const values = (raw === undefined || raw === null ? [] : typeof raw === 'string' ? [raw] : [...raw]).map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return q.required ? { ok: false, problem: 'required' } : { ok: true, value: null };
  switch (q.kind) {
    case 'scelta_singola':
      if (values.length > 1) return { ok: false, problem: 'oneOnly' };
      return q.options.includes(values[0]!) ? { ok: true, value: values[0]! } : { ok: false, problem: 'notInList' };
    case 'scelta_multipla': {
      if (values.some((v) => !q.options.includes(v))) return { ok: false, problem: 'notInList' };
      // In the order of the options, each once.
      return { ok: true, value: q.options.filter((o) => values.includes(o)) };
    }
    case 'scala': {
      if (values.length > 1) return { ok: false, problem: 'oneOnly' };
      const n = parseAnswerNumber(values[0]!);
      if (n === null) return { ok: false, problem: 'notANumber' };
      if (!Number.isInteger(n)) return { ok: false, problem: 'notInteger' };
      if (q.scaleMin === null || q.scaleMax === null || n < q.scaleMin || n > q.scaleMax) return { ok: false, problem: 'outOfRange' };
      return { ok: true, value: n };
    }
    case 'numero': {
      if (values.length > 1) return { ok: false, problem: 'oneOnly' };
      const n = parseAnswerNumber(values[0]!);
      return n === null ? { ok: false, problem: 'notANumber' } : { ok: true, value: n };
    }
    default: {
      const text = values.join('\n');
      return text.length > TEXT_MAX ? { ok: false, problem: 'tooLong' } : { ok: true, value: text };
    }
  }
}

export type AnswerWindow = 'open' | 'draft' | 'closed' | 'notYet' | 'ended';

/** Whether a questionnaire takes answers today (ISO dates): only while open, and within its dates when it has them. */
export function answerWindow(q: { status: string; opensOn: string | null; closesOn: string | null }, today: string): AnswerWindow {
  if (q.status === 'bozza') return 'draft';
  if (q.status !== 'aperto') return 'closed';
  if (q.opensOn && today < q.opensOn) return 'notYet';
  if (q.closesOn && today > q.closesOn) return 'ended';
  return 'open';
}

/** The status changes allowed: a draft opens (with at least one question), an open questionnaire closes. */
export function statusChange(from: string, to: string, questions: number): 'ok' | 'notAllowed' | 'noQuestions' {
  if (from === 'bozza' && to === 'aperto') return questions > 0 ? 'ok' : 'noQuestions';
  if (from === 'aperto' && to === 'chiuso') return 'ok';
  return 'notAllowed';
}

/** A share in percent with one decimal, as plans print it; null when nobody answered. */
export const sharePercent = (count: number, of: number): number | null => (of > 0 ? Math.round((count / of) * 1000) / 10 : null);

export interface OptionFigure {
  option: string;
  count: number;
  /** count / answered × 100 (one decimal); null when nobody answered. */
  share: number | null;
  /** The share published elsewhere (null when none) and computed − published (null when either is missing). */
  published: number | null;
  difference: number | null;
}

export interface QuestionFigures {
  /** Responses to the questionnaire, those who answered this question, those who skipped it. */
  responses: number;
  answered: number;
  skipped: number;
  /** Choice questions and scales: one row per option (per point of the scale). */
  options: OptionFigure[];
  /** Scale and number questions. */
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Free-text answers, in the order given. */
  texts: string[];
  /** Options published with a share that the question does not have (shown, never silently dropped). */
  unknownPublished: string[];
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The figures of one question from the answers given to it (`values`, one per response that answered; skipped ones are
 * absent) out of `responses` responses. Shares of a choice are out of those who answered the question (a multiple
 * choice's shares can add up to more than 100); a scale's mean, a number's min/mean/max (two decimals).
 */
export function aggregateQuestion(
  q: QuestionRule & { publishedShares?: Record<string, number> | null },
  values: readonly AnswerValue[],
  responses: number,
): QuestionFigures {
  const answered = values.length;
  const published = q.publishedShares ?? {};
  const figures: QuestionFigures = {
    responses,
    answered,
    skipped: Math.max(0, responses - answered),
    options: [],
    mean: null,
    min: null,
    max: null,
    texts: [],
    unknownPublished: [],
  };
  const optionRow = (option: string, count: number): OptionFigure => {
    const share = sharePercent(count, answered);
    const pub = Object.hasOwn(published, option) ? published[option]! : null;
    return { option, count, share, published: pub, difference: share !== null && pub !== null ? round(share - pub, 1) : null };
  };
  if (q.kind === 'scelta_singola' || q.kind === 'scelta_multipla') {
    figures.options = q.options.map((o) => optionRow(o, values.filter((v) => (Array.isArray(v) ? v.includes(o) : v === o)).length));
    figures.unknownPublished = Object.keys(published).filter((k) => !q.options.includes(k));
  } else if (q.kind === 'scala' || q.kind === 'numero') {
    const nums = values.filter((v): v is number => typeof v === 'number');
    if (nums.length > 0) {
      figures.mean = round(nums.reduce((a, b) => a + b, 0) / nums.length, 2);
      figures.min = Math.min(...nums);
      figures.max = Math.max(...nums);
    }
    if (q.kind === 'scala' && q.scaleMin !== null && q.scaleMax !== null && q.scaleMax - q.scaleMin <= 20) {
      for (let p = q.scaleMin; p <= q.scaleMax; p++) figures.options.push(optionRow(String(p), nums.filter((n) => n === p).length));
    }
  } else {
    figures.texts = values.filter((v): v is string => typeof v === 'string');
  }
  return figures;
}

/** Respondents recorded against those published: the difference (computed − published), null when none is published. */
export function respondentsComparison(computed: number, published: number | null) {
  return { computed, published, difference: published === null ? null : computed - published };
}

/** An answer as a cell of the CSV file or of a table: several choices joined by « | ». */
export const answerCell = (v: AnswerValue | undefined): string | number | null => (v === undefined ? null : Array.isArray(v) ? v.join(' | ') : v);
