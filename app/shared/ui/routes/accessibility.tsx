import { PageHeader } from '../page.tsx';
import { useI18n } from '../i18n.tsx';

export default function Accessibility() {
  const { t } = useI18n();
  return (
    <div className="row">
      <div className="col-lg-8">
        <PageHeader title={t('a11y.title')} />
        <p>{t('a11y.intro')}</p>
        <h2 className="h4">{t('a11y.status')}</h2>
        <p>{t('a11y.status.text')}</p>
        <h2 className="h4">{t('a11y.how')}</h2>
        <ul>
          <li>{t('a11y.how.skip')}</li>
          <li>{t('a11y.how.forms')}</li>
          <li>{t('a11y.how.tables')}</li>
          <li>{t('a11y.how.nojs')}</li>
        </ul>
        <h2 className="h4">{t('a11y.report')}</h2>
        <p>{t('a11y.report.text')}</p>
      </div>
    </div>
  );
}
