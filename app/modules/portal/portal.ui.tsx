// The portal's own parts, composed of the kit: its sub-navigation, the publication rules under every page, a progress
// figure with what it rests on, a count of people as published (suppressed below the threshold).
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { PRIVACY_THRESHOLD, type PublishedCount } from '../../shared/privacy/suppress.ts';
import { StatusBadge, useI18n, type TFunction } from '../../shared/ui/kit.ts';

/** The portal's sections: address under /portale/<codice> and their words. */
export const PORTAL_SECTIONS = [
  ['', 'portal.nav.home'],
  ['/piano', 'portal.nav.plan'],
  ['/calendario', 'portal.nav.calendar'],
  ['/partecipa', 'portal.nav.participate'],
  ['/progetti', 'portal.nav.projects'],
  ['/servizi', 'portal.nav.services'],
  ['/spesa', 'portal.nav.spending'],
  ['/leps', 'portal.nav.leps'],
] as const satisfies readonly (readonly [string, MessageKey])[];

export const portalBase = (code: string) => `/portale/${encodeURIComponent(code)}`;

/**
 * The portal's sub-navigation: one link per section, the page shown marked `aria-current="page"` (a page inside a
 * section, like an objective inside the plan, marks its section `aria-current="true"`); then the open data and the
 * glossary of the Ambito (pages of other modules). It wraps on a phone, it needs no JavaScript.
 */
export function PortalNav({ code, impactReport = false }: { code: string; impactReport?: boolean }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const base = portalBase(code);
  const here = decodeURIComponent(pathname.replace(/\/+$/, ''));
  const plainBase = decodeURIComponent(base);
  return (
    <nav aria-label={t('portal.nav.label')} className="portal-nav mb-4">
      <ul className="nav nav-pills flex-wrap gap-1">
        {PORTAL_SECTIONS.map(([path, key]) => {
          const to = `${base}${path}`;
          const target = `${plainBase}${path}`;
          const exact = here === target;
          const inside = !exact && path !== '' && here.startsWith(`${target}/`);
          return (
            <li key={key} className="nav-item">
              <Link to={to} className={`nav-link${exact || inside ? ' active' : ''}`} aria-current={exact ? 'page' : inside ? 'true' : undefined}>
                {t(key)}
              </Link>
            </li>
          );
        })}
        {impactReport && (
          <li className="nav-item">
            <Link to={`/ambiti/${encodeURIComponent(code)}/bilancio-sociale`} className="nav-link">
              {t('portal.nav.impact')}
            </Link>
          </li>
        )}
        <li className="nav-item">
          <Link to={`/dati/${encodeURIComponent(code)}`} className="nav-link">
            {t('portal.nav.openData')}
          </Link>
        </li>
        <li className="nav-item">
          <Link to={`/ambiti/${encodeURIComponent(code)}/glossario`} className="nav-link">
            {t('portal.nav.glossary')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

/** The rules of what the portal publishes, stated once under every portal page. */
export function PublicationRules() {
  const { t, f } = useI18n();
  return (
    <div className="portal-rules border-top mt-5 pt-3 small" data-testid="portal-privacy-rule">
      <p className="mb-1">{t('portal.rules.privacy', { threshold: f.count(PRIVACY_THRESHOLD) })}</p>
      <p className="mb-1">{t('portal.rules.sources')}</p>
    </div>
  );
}

/** A count of people as published: the figure, or «meno di 5» when it is suppressed, «n.d.» when unknown. */
export function PublishedCountText({ count }: { count: PublishedCount }) {
  const { t, f } = useI18n();
  if (count.suppressed) return <>{t('portal.count.suppressed', { threshold: f.count(PRIVACY_THRESHOLD) })}</>;
  return <>{f.count(count.value)}</>;
}

export interface ProgressFigure {
  value: number | null;
  counted: number;
  missing: number;
}

/** What a progress figure rests on: «media di 3 azioni su 4», «media di 1 obiettivo su 1». */
export function progressBasis(t: TFunction, count: (n: number) => string, p: ProgressFigure, of: 'actions' | 'objectives'): string {
  const total = p.counted + p.missing;
  const key =
    of === 'actions'
      ? total === 1
        ? 'portal.progress.onActionsOne'
        : 'portal.progress.onActions'
      : total === 1
        ? 'portal.progress.onObjectivesOne'
        : 'portal.progress.onObjectives';
  return t(key, { counted: count(p.counted), total: count(total) });
}

/** A progress percentage (computed by monitoring) with what it rests on, or «non ancora misurato». */
export function ProgressText({ progress, of }: { progress: ProgressFigure | null; of: 'actions' | 'objectives' }) {
  const { t, f } = useI18n();
  if (!progress || progress.value === null) return <span className="text-secondary">{t('portal.progress.none')}</span>;
  return (
    <>
      <strong>{f.percent(progress.value, 1)}</strong>
      <span className="d-block small text-secondary">{progressBasis(t, f.count, progress, of)}</span>
    </>
  );
}

/** The word of a target's status (monitoring's codes) with its colour (white text: every tone keeps 4.5:1). */
const TARGET_TONES: Record<string, 'success' | 'danger' | 'primary' | 'secondary'> = {
  raggiunto: 'success',
  non_raggiunto: 'danger',
  in_corso: 'primary',
  baseline: 'secondary',
  dati_mancanti: 'secondary',
};

export function TargetStatus({ status }: { status: string | null }) {
  const { t } = useI18n();
  if (!status || !(status in TARGET_TONES)) return null;
  return <StatusBadge tone={TARGET_TONES[status]}>{t(`portal.target.${status}` as MessageKey)}</StatusBadge>;
}

/** A latest result: the indicator (data), its value and period, the status of that year's target. */
export function ResultText({
  result,
}: {
  result: { indicatorLabel?: string; periodLabel: string | null; display: string | null; targetStatus: string | null } | null;
}): ReactNode {
  const { t } = useI18n();
  if (!result || result.display === null) return <span className="text-secondary">{t('portal.result.none')}</span>;
  return (
    <>
      {result.indicatorLabel ? (
        <span className="d-block small" translate="no">
          {result.indicatorLabel}
        </span>
      ) : null}
      <strong translate="no">{result.display}</strong> <span className="small">({result.periodLabel})</span> <TargetStatus status={result.targetStatus} />
    </>
  );
}
