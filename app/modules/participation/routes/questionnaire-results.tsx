import { Link } from 'react-router';
import type { Route } from './+types/questionnaire-results';
import { barChart } from '../../../shared/charts/charts.ts';
import { renderChartSvg } from '../../../shared/charts/charts.server.ts';
import { requestLocale } from '../../../shared/i18n/tr.server.ts';
import { Chart, DataTable, EmptyState, Facts, KpiGrid, Notice, PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import { listResponses, questionnaireResults } from '../participation.questionnaires.queries.ts';
import { answerCell } from '../participation.questionnaires.rules.ts';
import { questionnairePath } from '../participation.questionnaires.parts.tsx';
import { readQuestionnaire } from './questionnaires.server.ts';

/**
 * The aggregates of a questionnaire for every reader of the Ambito, computed from the records now, beside the figures
 * published elsewhere. Individual responses: all to the Ufficio di Piano (responses.read), an organisation's (or a
 * person's) own to that member. Free texts are listed to the Ufficio di Piano only: they may name people or describe
 * their hardship (art. 26 c. 4 D.Lgs. 33/2013); the others see how many there are.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can, actor, organisations, questionnaire: q } = await readQuestionnaire(context, request, params.code, params.qid);
  const office = !!can['responses.read'];
  const [{ respondents, results }, responses] = await Promise.all([
    questionnaireResults(db, q, { texts: office }),
    office ? listResponses(db, q.id) : organisations.length ? listResponses(db, q.id, { organisationIds: organisations, userId: actor.userId }) : [],
  ]);
  const locale = requestLocale() === 'en' ? 'en-GB' : 'it-IT';
  const charts = results.map(({ question, figures }) => {
    if (figures.options.length === 0) return null;
    const computed = figures.answered > 0;
    const points = figures.options.map((o) => ({ label: o.option, value: computed ? o.share : o.published }));
    if (points.every((p) => p.value === null)) return null;
    return {
      basis: computed ? ('computed' as const) : ('published' as const),
      svg: renderChartSvg(barChart({ points, name: question.label, locale, digits: 1 }), { width: 640, height: 48 + 40 * points.length }),
    };
  });
  return {
    ambito,
    office,
    questionnaire: {
      id: q.id,
      title: q.title,
      status: q.status,
      respondent: q.respondent,
      personalDataPurpose: office ? q.personalDataPurpose : null,
      publishedSource: q.publishedSource,
    },
    respondents,
    results: results.map((r, i) => ({ ...r, chart: charts[i] ?? null })),
    responses,
  };
}

export default function Results({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, office, questionnaire: q, respondents, results, responses } = loaderData;
  const here = questionnairePath(ambito.code, q.id);
  const signed = (n: number, digits = 0) => `${n > 0 ? '+' : ''}${f.number(n, digits)}`;
  const shareText = (count: number, of: number, share: number | null) =>
    share === null
      ? t('part.quest.results.noShare')
      : t('part.quest.results.formula', { count: f.number(count), of: f.number(of), share: f.percent(share, 1) });
  return (
    <>
      <PageHeader
        title={t('part.quest.results.title')}
        context={q.title}
        lead={<span translate="no">{q.title}</span>}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.quest.list.title'), to: questionnairePath(ambito.code) },
          { label: q.title, data: true, to: here },
        ]}
        actions={
          office ? (
            <a href={`${here}/risposte.csv`} download>
              {t('part.quest.results.csv')}
            </a>
          ) : undefined
        }
      />
      <KpiGrid
        items={[
          { label: t('part.quest.results.recorded'), value: f.number(respondents.computed), testId: 'risposte-registrate' },
          {
            label: t('part.quest.results.published'),
            value: respondents.published === null ? '—' : f.number(respondents.published),
            testId: 'rispondenti-pubblicati',
          },
          {
            label: t('part.quest.results.difference'),
            value: respondents.difference === null ? '—' : signed(respondents.difference),
            hint: t('part.quest.results.differenceHint'),
            testId: 'differenza-rispondenti',
          },
        ]}
      />
      {respondents.published !== null && respondents.difference !== 0 && (
        <Notice tone="warning" id="confronto">
          <p className="mb-0">
            {t('part.quest.results.compare', { computed: f.number(respondents.computed), published: f.number(respondents.published) })}
            {q.publishedSource ? (
              <>
                {' '}
                (<span translate="no">{q.publishedSource}</span>)
              </>
            ) : null}
          </p>
        </Notice>
      )}
      {results.length === 0 && <EmptyState title={t('part.quest.questions.empty')} />}
      {results.map(({ question, figures, chart }, i) => {
        const table = (
          <DataTable
            id={`d${i + 1}-tabella`}
            caption={t('part.quest.results.tableCaption', { n: i + 1 })}
            csv={`domanda-${i + 1}`}
            rows={figures.options}
            rowKey={(o) => o.option}
            columns={[
              { key: 'risposta', header: t('part.quest.results.option'), value: (o) => o.option, rowHeader: true, data: question.kind !== 'scala' },
              { key: 'risposte', header: t('part.quest.results.count'), value: (o) => o.count, numeric: true, render: (o) => f.number(o.count) },
              {
                key: 'quota',
                header: t('part.quest.results.share'),
                value: (o) => o.share,
                numeric: true,
                render: (o) => shareText(o.count, figures.answered, o.share),
              },
              {
                key: 'quota_pubblicata',
                header: t('part.quest.results.publishedShare'),
                value: (o) => o.published,
                numeric: true,
                render: (o) => (o.published === null ? '—' : f.percent(o.published, 1)),
              },
              {
                key: 'differenza',
                header: t('part.quest.results.shareDifference'),
                value: (o) => o.difference,
                numeric: true,
                render: (o) => (o.difference === null ? '—' : `${signed(o.difference, 1)} ${t('part.quest.results.points')}`),
              },
            ]}
          />
        );
        return (
          <Section
            key={question.id}
            id={`d${i + 1}`}
            title={t('part.quest.results.question', { n: i + 1, kind: t(`part.quest.kind.${question.kind}` as never) })}
          >
            <p className="fw-semibold" translate="no">
              {question.label}
            </p>
            {question.help && (
              <p className="small text-secondary" translate="no">
                {question.help}
              </p>
            )}
            <p data-testid={`d${i + 1}-rispondenti`}>
              {t('part.quest.results.answered', {
                answered: f.number(figures.answered),
                responses: f.number(figures.responses),
                skipped: f.number(figures.skipped),
              })}
            </p>
            {(question.kind === 'scala' || question.kind === 'numero') && figures.answered > 0 && (
              <Facts
                items={[
                  { term: t('part.quest.results.mean'), value: f.number(figures.mean ?? 0, 2), testId: `d${i + 1}-media` },
                  { term: t('part.quest.results.min'), value: f.number(figures.min ?? 0, 2) },
                  { term: t('part.quest.results.max'), value: f.number(figures.max ?? 0, 2) },
                ]}
              />
            )}
            {figures.unknownPublished.length > 0 && (
              <Notice tone="warning">
                <p className="mb-0">
                  {t('part.quest.results.unknownPublished')} <span translate="no">{figures.unknownPublished.join(', ')}</span>
                </p>
              </Notice>
            )}
            {figures.options.length > 0 &&
              (chart ? (
                <Chart
                  svg={chart.svg}
                  caption={t(chart.basis === 'computed' ? 'part.quest.results.chartComputed' : 'part.quest.results.chartPublished', { n: i + 1 })}
                  summary={t('part.quest.results.chartSummary')}
                  tableOpen
                >
                  {table}
                </Chart>
              ) : (
                table
              ))}
            {question.kind === 'testo' &&
              (office ? (
                <DataTable
                  id={`d${i + 1}-testi`}
                  caption={t('part.quest.results.texts', { n: i + 1 })}
                  rows={figures.texts.map((text, k) => ({ k, text }))}
                  rowKey={(r) => String(r.k)}
                  empty={t('part.quest.results.noTexts')}
                  columns={[
                    { key: 'n', header: t('part.quest.questions.n'), value: (r) => r.k + 1, numeric: true },
                    { key: 'testo', header: t('part.quest.results.text'), value: (r) => r.text },
                  ]}
                />
              ) : (
                <Notice>
                  <p className="mb-0">{t('part.quest.results.textsOffice')}</p>
                </Notice>
              ))}
          </Section>
        );
      })}
      {responses.length > 0 && (
        <Section
          id="risposte"
          title={office ? t('part.quest.results.responses') : t('part.quest.results.own')}
          lead={office ? t('part.quest.results.responsesLead') : undefined}
        >
          <DataTable
            id="risposte-singole"
            caption={office ? t('part.quest.results.responses') : t('part.quest.results.own')}
            rows={responses}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'inviata',
                header: t('part.quest.results.submittedAt'),
                value: (r) => r.submittedAt,
                data: false,
                render: (r) => f.dateTime(r.submittedAt),
                rowHeader: true,
              },
              ...(q.respondent === 'organizzazione' || !office
                ? [{ key: 'organizzazione', header: t('part.quest.results.organisation'), value: (r: (typeof responses)[number]) => r.organisationName ?? '—' }]
                : []),
              ...(q.personalDataPurpose
                ? [
                    { key: 'nome', header: t('part.quest.field.respondentName'), value: (r: (typeof responses)[number]) => r.respondentName ?? '' },
                    { key: 'email', header: t('part.quest.field.respondentEmail'), value: (r: (typeof responses)[number]) => r.respondentEmail ?? '' },
                  ]
                : []),
              ...results.map(({ question }, i) => ({
                key: `d${i + 1}`,
                header: t('part.quest.results.questionShort', { n: i + 1 }),
                sortable: false,
                value: (r: (typeof responses)[number]) => answerCell(r.answers[question.id]),
                render: (r: (typeof responses)[number]) => {
                  const v = answerCell(r.answers[question.id]);
                  return v === null ? '—' : <span translate="no">{typeof v === 'number' ? f.number(v, 2) : v}</span>;
                },
              })),
            ]}
          />
          {!office && (
            <p className="small">
              <Link to={`${here}/rispondi`}>{t('part.quest.answer.link')}</Link>
            </p>
          )}
        </Section>
      )}
    </>
  );
}
