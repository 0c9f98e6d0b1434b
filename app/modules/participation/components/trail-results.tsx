// The objectives a need or proposal fed, with each indicator's latest measured value, period and target status
// (computed by monitoring; participation.trail.queries.ts).
import { Link } from 'react-router';
import { DataTable, EmptyState, StatusBadge, useI18n } from '../../../shared/ui/kit.ts';

export interface TrailObjective {
  id: string;
  code: string;
  title: string;
  planTitle: string;
  indicators: {
    id: string;
    code: string;
    label: string;
    period: string | null;
    periodLabel: string | null;
    value: string | null;
    targetStatus: string | null;
    targetStatusLabel: string | null;
    targetDescription: string | null;
  }[];
}

const TONE: Record<string, 'success' | 'danger' | 'primary' | 'secondary'> = { raggiunto: 'success', non_raggiunto: 'danger', in_corso: 'primary' };

export function TrailResults({ id, objectives, ambitoCode }: { id: string; objectives: readonly TrailObjective[]; ambitoCode: string }) {
  const { t } = useI18n();
  if (!objectives.length) return <EmptyState title={t('part.trail.resultsEmpty')} />;
  type Indicator = TrailObjective['indicators'][number];
  const rows = objectives.flatMap((o): { key: string; objective: TrailObjective; indicator: Indicator | null }[] =>
    o.indicators.length ? o.indicators.map((i) => ({ key: `${o.id}-${i.id}`, objective: o, indicator: i })) : [{ key: o.id, objective: o, indicator: null }],
  );
  return (
    <DataTable
      id={id}
      caption={t('part.trail.resultsLead')}
      rows={rows}
      rowKey={(r) => r.key}
      csv={id}
      columns={[
        {
          key: 'obiettivo',
          header: t('part.trail.objective'),
          rowHeader: true,
          value: (r) => `${r.objective.code} ${r.objective.title}`,
          render: (r) => <Link to={`/ambiti/${ambitoCode}/partecipazione/obiettivi/${r.objective.id}`}>{`${r.objective.code} · ${r.objective.title}`}</Link>,
        },
        {
          key: 'indicatore',
          header: t('part.trail.indicator'),
          value: (r) => (r.indicator ? `${r.indicator.code} ${r.indicator.label}` : null),
          render: (r) => (r.indicator ? `${r.indicator.code} · ${r.indicator.label}` : <span translate="yes">{t('part.trail.noIndicators')}</span>),
        },
        {
          key: 'periodo',
          header: t('part.trail.period'),
          data: false,
          value: (r) => r.indicator?.period ?? null,
          render: (r) => r.indicator?.periodLabel ?? '—',
        },
        {
          key: 'valore',
          header: t('part.trail.value'),
          data: true,
          value: (r) => r.indicator?.value ?? null,
          render: (r) => (r.indicator ? (r.indicator.value ?? t('part.trail.notMeasured')) : '—'),
        },
        {
          key: 'target',
          header: t('part.trail.target'),
          data: false,
          value: (r) => r.indicator?.targetStatus ?? null,
          render: (r) =>
            r.indicator?.targetStatus ? (
              <>
                <StatusBadge tone={TONE[r.indicator.targetStatus] ?? 'secondary'}>{r.indicator.targetStatusLabel}</StatusBadge>
                {r.indicator.targetDescription && <span className="d-block small text-secondary">{r.indicator.targetDescription}</span>}
              </>
            ) : r.indicator ? (
              t('part.trail.noTarget')
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
