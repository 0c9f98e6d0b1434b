// The background generation of plan documents. One worker per process takes queued documents one at a time (claimed
// with SKIP LOCKED, so several processes share the queue), builds the document of the plan version asked for, renders
// it, and stores it with its progress along the way. A kick after a request starts it at once; a sweep every minute
// also queues the adoption's document of plans adopted without one.
import { createHash } from 'node:crypto';
import type { Db } from '../../shared/db/client.ts';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import { formatterFor, type Locale } from '../../shared/format/index.ts';
import { translate } from '../../shared/i18n/messages.ts';
import { log } from '../../shared/log.ts';
import { htmlToMarkdown } from '../../shared/richtext/html-to-markdown.ts';
import { parseRichText } from '../../shared/richtext/richtext.ts';
import { cardValueText, fundName, getPlanHeader, getTemplate, listAdoptedBaselines, loadPlanVersion, serializePlanDocument } from '../planning/index.server.ts';
import { claimNextDocument, completeDocument, failDocument, queueAdoptionDocuments, recordProgress } from './documents.commands.ts';
import { renderDocx } from './document/render-docx.ts';
import { renderPdf } from './document/render-pdf.ts';
import { glossaryTermsFor } from './glossary.queries.ts';
import { buildPlanDocument, type PlanForDocument, type TemplateForDocument } from './plan-document.build.ts';

type Claimed = NonNullable<Awaited<ReturnType<typeof claimNextDocument>>>;

/** SHA-256 (hex) of a plan version: of its exchange document exactly as the plan export writes it. */
export const planVersionSha256 = (document: Parameters<typeof serializePlanDocument>[0]) =>
  createHash('sha256').update(serializePlanDocument(document)).digest('hex');

/** Builds and renders one claimed document; records progress, the result or the failure. */
export async function generateDocument(db: Db, row: Claimed): Promise<void> {
  const locale = (row.locale === 'en' ? 'en' : 'it') as Locale;
  try {
    const header = await getPlanHeader(db, row.planId);
    const version = await loadPlanVersion(db, row.planId, row.source === 'baseline' ? 'baseline' : 'current');
    if (!header || !version) throw new Error(translate(locale, row.source === 'baseline' ? 'rep.documents.noBaseline' : 'rep.documents.notFound'));
    const sha256 = planVersionSha256(version.document);
    const f = formatterFor(locale);
    const label =
      version.source === 'baseline'
        ? translate(locale, 'rep.doc.version.baseline', { label: version.snapshotLabel ?? '' })
        : translate(locale, 'rep.doc.version.current', { version: header.plan.version, date: f.dateTime(header.plan.updatedAt) });
    const template = getTemplate(version.document.plan.template.id);
    const glossary = await glossaryTermsFor(db, row.ambitoId);
    const model = buildPlanDocument({
      locale,
      ambitoName: header.ambitoName,
      plan: version.document as PlanForDocument,
      template: template as TemplateForDocument | null,
      version: { source: version.source, label, sha256 },
      generatedAt: new Date(),
      glossary,
      parse: parseRichText,
      htmlToMarkdown,
      fundName,
      cardValueText,
      renderSvg: renderChartSvg,
    });
    await recordProgress(db, row.id, 15, 'render');
    let last = 0;
    const pending: Promise<void>[] = [];
    const content =
      row.format === 'docx'
        ? await renderDocx(model)
        : await renderPdf(model, {
            onProgress: (done, total) => {
              const p = 15 + Math.floor((done / Math.max(1, total)) * 80);
              if (p >= last + 5) {
                last = p;
                pending.push(recordProgress(db, row.id, p, 'render'));
              }
            },
          });
    await Promise.all(pending);
    await recordProgress(db, row.id, 97, 'store');
    await completeDocument(db, row.id, { content, planSha256: sha256, planVersionLabel: label, pages: row.format === 'pdf' ? pdfPageCount(content) : null });
  } catch (error) {
    log.error('generazione del documento non riuscita', { error, documentId: row.id });
    await failDocument(db, row.id, error instanceof Error ? error.message : String(error));
  }
}

/** Pages of a PDF, from its page tree (the /Count of the root /Pages). */
export function pdfPageCount(pdf: Buffer): number | null {
  const text = pdf.toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  return counts.length ? Math.max(...counts) : null;
}

/** Takes and makes every queued document now (tests, the worker's rounds). Returns how many were made. */
export async function runDocumentQueue(db: Db): Promise<number> {
  let n = 0;
  for (let row = await claimNextDocument(db); row; row = await claimNextDocument(db)) {
    await generateDocument(db, row);
    n++;
  }
  return n;
}

/** Queues the adoption documents that are missing (see queueAdoptionDocuments). */
export async function sweepAdoptionDocuments(db: Db): Promise<number> {
  return queueAdoptionDocuments(db, await listAdoptedBaselines(db));
}

const workers = new WeakMap<Db, DocumentWorker>();

export interface DocumentWorker {
  /** Starts a round now (after a request), unless one is running; the running round takes the new row too. */
  kick(): void;
  /** Stops the sweeps; resolves when the round under way (if any) has finished. */
  stop(): Promise<void>;
}

/** The process's document worker for this database (one per database; started by the server). */
export function startDocumentWorker(db: Db, options: { sweepEveryMs?: number } = {}): DocumentWorker {
  const existing = workers.get(db);
  if (existing) return existing;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const round = async () => {
    do {
      again = false;
      await sweepAdoptionDocuments(db);
      await runDocumentQueue(db);
    } while (again && !stopped);
  };
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((error) => log.error('lavoro in background dei documenti non riuscito', { error }))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(kick, options.sweepEveryMs ?? 60_000);
  timer.unref();
  const worker: DocumentWorker = {
    kick,
    stop() {
      stopped = true;
      clearInterval(timer);
      workers.delete(db);
      return running ?? Promise.resolve();
    },
  };
  workers.set(db, worker);
  kick();
  return worker;
}

/** Wakes the worker of this database if the server started one (a request was just queued). */
export function kickDocumentWorker(db: Db): void {
  workers.get(db)?.kick();
}
