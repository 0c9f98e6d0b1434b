import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../shared/paths.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import type { PlanStatus } from './plan-document.schema.ts';
import { parseTemplate, type PathStep, type PlanTemplate } from './template.schema.ts';

let cache: Map<string, PlanTemplate> | null = null;

/** The regional templates shipped in fixtures/templates (a new Region = a new JSON file there), parsed once. */
export function listTemplates(): PlanTemplate[] {
  if (!cache) {
    const dir = fromRoot('fixtures', 'templates');
    cache = new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => {
          const t = parseTemplate(f, readFileSync(join(dir, f), 'utf8'));
          return [t.id, t] as const;
        }),
    );
  }
  return [...cache.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

export function getTemplate(id: string): PlanTemplate | null {
  listTemplates();
  return cache!.get(id) ?? null;
}

/** The label of a plan status in the plan's template (e.g. "Adottato"), falling back to the dictionary's. */
export function statusLabel(templateId: string, status: PlanStatus): string {
  return getTemplate(templateId)?.statusWorkflow.find((s) => s.status === status)?.label ?? tr(`plan.planStatus.${status}`);
}

/** A plan as the lists of plans show it (planning's and monitoring's): its title, its period and its status in words. */
export function planListEntry(p: { id: string; title: string; periodStartYear: number; periodEndYear: number; templateId: string; status: string }) {
  return { id: p.id, title: p.title, start: p.periodStartYear, end: p.periodEndYear, status: statusLabel(p.templateId, p.status as PlanStatus) };
}

/**
 * The planning path a plan's template proposes (read-only, for participation): its name and its steps, or null when
 * the template is unknown. A template without a path proposes none (`steps` empty).
 */
export function templateParticipationPath(templateId: string): { templateId: string; templateName: string; steps: PathStep[] } | null {
  const template = getTemplate(templateId);
  if (!template) return null;
  return { templateId: template.id, templateName: template.name, steps: template.participationPath ?? [] };
}
