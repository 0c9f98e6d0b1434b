import type { Route } from './+types/outbox';
import { guard } from '../../../shared/http/request.server.ts';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { Breadcrumb } from '../components/form-kit.tsx';
import { authorize } from '../governance.policy.ts';
import { listOutbox } from '../governance.queries.ts';
import { readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  await guard(request, async () => authorize(actor, 'outbox.read', ambito));
  return { ambito, messages: await listOutbox(db, ambito.id) };
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const { t, dt, n } = useI18n();
  const { ambito, messages } = loaderData;
  return (
    <>
      <title>{`${t('gov.outbox.title')} – ${ambito.name}`}</title>
      <Breadcrumb
        items={[
          { label: ambito.name, to: `/ambiti/${ambito.code}` },
          { label: t('gov.bodies.title'), to: `/ambiti/${ambito.code}/organi` },
          { label: t('gov.outbox.title') },
        ]}
      />
      <h1>{t('gov.outbox.title')}</h1>
      <p className="lead">{t('gov.outbox.lead')}</p>
      {messages.length === 0 ? (
        <p>{t('gov.outbox.empty')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-striped align-top">
            <caption>{t('gov.outbox.caption', { count: n(messages.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gov.outbox.created')}</th>
                <th scope="col">{t('gov.outbox.to')}</th>
                <th scope="col">{t('gov.outbox.subject')}</th>
                <th scope="col">{t('gov.outbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{dt(m.createdAt)}</td>
                  <td>
                    {m.toName ? `${m.toName} ` : ''}
                    <span className="text-secondary">&lt;{m.toAddress}&gt;</span>
                  </td>
                  <th scope="row">
                    <details>
                      <summary>{m.subject}</summary>
                      <pre className="mt-2 mb-2" style={{ whiteSpace: 'pre-wrap' }}>
                        {m.body}
                      </pre>
                      {m.hasIcs && (
                        <a href={`/ambiti/${ambito.code}/posta/${m.id}/invito.ics`} download>
                          {t('gov.outbox.ics')}
                        </a>
                      )}
                    </details>
                  </th>
                  <td>
                    {m.sentAt ? t('gov.outbox.sent', { when: dt(m.sentAt) }) : m.error ? t('gov.outbox.failed', { error: m.error }) : t('gov.outbox.waiting')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
