import type { Route } from './+types/outbox';
import { guard } from '../../../shared/http/request.server.ts';
import { PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { bodiesTrail } from '../components/trail.ts';
import { RecordTable, useRecordColumns } from '../components/record-table.tsx';
import { authorize } from '../governance.policy.ts';
import { listOutbox } from '../governance.queries.ts';
import { readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  await guard(request, async () => authorize(actor, 'outbox.read', ambito));
  return { ambito, messages: await listOutbox(db, ambito.id) };
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, messages } = loaderData;
  const home = `/ambiti/${ambito.code}`;
  const message = useRecordColumns(messages);
  return (
    <>
      <PageHeader title={t('gov.outbox.title')} context={ambito.name} lead={t('gov.outbox.lead')} breadcrumb={bodiesTrail(t, ambito)} />
      <RecordTable
        id="posta"
        caption={t('gov.outbox.caption', { count: f.number(messages.length) })}
        rows={messages}
        empty={t('gov.outbox.empty')}
        columns={[
          { key: 'scritto', header: t('gov.outbox.created'), data: false, value: (m) => String(m.createdAt), render: (m) => f.dateTime(m.createdAt) },
          {
            key: 'destinatario',
            header: t('gov.outbox.to'),
            className: 'text-break',
            value: (m) => m.toAddress,
            render: (m) => (
              <>
                {m.toName ? `${m.toName} ` : ''}
                <span className="text-secondary">&lt;{m.toAddress}&gt;</span>
              </>
            ),
          },
          message.name('oggetto', t('gov.outbox.subject'), (m) => m.subject, {
            data: false,
            render: (m) => (
              <details>
                <summary translate="no">{m.subject}</summary>
                <pre className="mt-2 mb-2" style={{ whiteSpace: 'pre-wrap' }} translate="no">
                  {m.body}
                </pre>
                {m.hasIcs && (
                  <a href={`${home}/posta/${m.id}/invito.ics`} download>
                    {t('gov.outbox.ics')}
                  </a>
                )}
              </details>
            ),
          }),
          {
            key: 'stato',
            header: t('gov.outbox.status'),
            data: false,
            value: (m) => (m.sentAt ? 'sent' : m.error ? 'failed' : 'waiting'),
            render: (m) =>
              m.sentAt ? t('gov.outbox.sent', { when: f.dateTime(m.sentAt) }) : m.error ? t('gov.outbox.failed', { error: m.error }) : t('gov.outbox.waiting'),
          },
        ]}
      />
    </>
  );
}
