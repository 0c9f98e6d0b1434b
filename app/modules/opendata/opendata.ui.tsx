// The open-data pages' own parts, composed of the kit: the privacy rule above the datasets and the links to a DCAT-AP_IT
// catalogue (JSON-LD and Turtle).
import { PRIVACY_THRESHOLD } from '../../shared/privacy/suppress.ts';
import { Notice, Section, useI18n } from '../../shared/ui/kit.ts';

/** The privacy rule of the published counts (suppressed below the threshold). */
export function PrivacyNotice() {
  const { t } = useI18n();
  return (
    <Notice title={t('od.privacy.title')}>
      <p className="mb-0">{t('od.privacy.rule', { threshold: PRIVACY_THRESHOLD })}</p>
    </Notice>
  );
}

/** A section with the links to a catalogue in JSON-LD and in Turtle. */
export function CatalogueSection({ title, lead, catalogue }: { title: string; lead: string; catalogue: { jsonld: string; ttl: string } }) {
  const { t } = useI18n();
  return (
    <Section id="catalogo" title={title} lead={lead}>
      <ul>
        <li>
          <a href={catalogue.jsonld} type="application/ld+json">
            {t('od.link.jsonld')}
          </a>
        </li>
        <li>
          <a href={catalogue.ttl} type="text/turtle">
            {t('od.link.ttl')}
          </a>
        </li>
      </ul>
    </Section>
  );
}
