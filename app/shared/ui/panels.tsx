import { Link } from 'react-router';
import type { Panel, PanelItemState } from '../panels.ts';
import { useI18n } from './i18n.tsx';
import { Section, StatusBadge } from './page.tsx';

const TONE: Record<PanelItemState, 'success' | 'primary' | 'secondary' | 'danger'> = { done: 'success', current: 'primary', todo: 'secondary', late: 'danger' };

/** The panels other modules give a page (app/shared/panels.server.ts): each a section with its items and its link. */
export function Panels({ panels }: { panels: readonly Panel[] }) {
  const { t } = useI18n();
  return (
    <>
      {panels.map((panel) => (
        <Section key={panel.id} id={panel.id} title={t(panel.title)} lead={panel.summary ? t(panel.summary.key, panel.summary.params) : undefined}>
          {panel.items.length === 0 ? (
            panel.empty && <p className="text-secondary">{t(panel.empty)}</p>
          ) : (
            <ol className="list-unstyled mb-2">
              {panel.items.map((item, i) => (
                <li key={i} className="d-flex flex-wrap align-items-baseline gap-2 py-1 border-bottom">
                  {item.state && <StatusBadge tone={TONE[item.state]}>{t(`ui.panel.state.${item.state}`)}</StatusBadge>}
                  {item.href ? (
                    <Link to={item.href} translate="no">
                      {item.label}
                    </Link>
                  ) : (
                    <span translate="no">{item.label}</span>
                  )}
                  {item.detail && <span className="small text-secondary">{t(item.detail.key, item.detail.params)}</span>}
                </li>
              ))}
            </ol>
          )}
          {panel.link && <Link to={panel.link.href}>{t(panel.link.label)}</Link>}
        </Section>
      ))}
    </>
  );
}
