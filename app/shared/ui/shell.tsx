import { useEffect, useRef, type ReactNode } from 'react';
import { Form, Link, NavLink, useLocation } from 'react-router';
import type { MessageKey } from '../i18n/messages.ts';
import { CsrfField } from './forms.tsx';
import { useI18n } from './i18n.tsx';

export interface ShellData {
  user: { name: string; email: string } | null;
  ambiti: { code: string; name: string }[];
  current: { code: string; name: string; regionName: string } | null;
  nav: { key: MessageKey; href: string }[];
}

function LanguageSwitch() {
  const { locale, t } = useI18n();
  const location = useLocation();
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <nav aria-label={t('header.language')} className="lang-switch">
      <ul className="list-inline mb-0">
        {(['it', 'en'] as const).map((l) => (
          <li className="list-inline-item" key={l}>
            <a
              href={`/lingua?lang=${l}&redirectTo=${back}`}
              lang={l}
              hrefLang={l}
              translate="no"
              aria-current={l === locale ? 'true' : undefined}
              className={l === locale ? 'fw-bold text-white' : 'text-white'}
            >
              {l === 'it' ? 'Italiano' : 'English'}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AmbitoSwitcher({ ambiti, current }: Pick<ShellData, 'ambiti' | 'current'>) {
  const { t } = useI18n();
  if (ambiti.length < 2) return null;
  return (
    <form method="get" action="/vai" className="ambito-switcher d-flex align-items-end gap-2">
      <div>
        <label htmlFor="ambito-switcher" className="text-white small d-block">
          {t('header.switchAmbito')}
        </label>
        <select id="ambito-switcher" name="ambito" defaultValue={current?.code} className="form-select form-select-sm">
          {ambiti.map((a) => (
            <option key={a.code} value={a.code} translate="no">
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-sm btn-outline-light">
        {t('header.switchAmbito.go')}
      </button>
    </form>
  );
}

function NavList({ items, wrap }: { items: ShellData['nav']; wrap?: boolean }) {
  const { t } = useI18n();
  return (
    <ul className={wrap ? 'navbar-nav flex-wrap' : 'navbar-nav'}>
      {items.map((item) => (
        <li className="nav-item" key={item.key}>
          <NavLink end className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`} to={item.href}>
            <span>{t(item.key)}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * The main navigation. From the lg breakpoint up it is Bootstrap Italia's blue bar; below it, the same links sit in a
 * «Menu» disclosure (`<details>`/`<summary>`: it opens and closes without JavaScript, by keyboard too, and the browser
 * exposes its expanded state). The bootstrap-italia script is not loaded, so its off-canvas menu is not used. With
 * JavaScript the disclosure closes after a link is followed (client-side navigation keeps the shell mounted).
 */
function MainNav({ items }: { items: ShellData['nav'] }) {
  const { t } = useI18n();
  const location = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.pathname, location.search]);
  return (
    <div className="it-header-navbar-wrapper app-navbar">
      <div className="container">
        <nav id="main-nav" className="navbar navbar-expand-lg app-nav" aria-label={t('nav.label')}>
          <details className="app-menu d-lg-none" ref={menu}>
            <summary className="app-menu-toggle">
              <svg className="app-menu-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" fill="currentColor" />
              </svg>
              <span>{t('ui.nav.menu')}</span>
            </summary>
            <NavList items={items} />
          </details>
          <div className="d-none d-lg-block w-100">
            <NavList items={items} wrap />
          </div>
        </nav>
      </div>
    </div>
  );
}

const SKIP_LINKS = [
  ['#main-content', 'skip.main'],
  ['#main-nav', 'skip.nav'],
  ['#footer', 'skip.footer'],
] as const;

/** The skip links: to the content, to the navigation (when the page has one) and to the footer. */
function SkipLinks({ withNav }: { withNav: boolean }) {
  const { t } = useI18n();
  const links = SKIP_LINKS.filter(([href]) => withNav || href !== '#main-nav');
  return (
    <div className="skiplinks">
      {links.map(([href, key]) => (
        <a key={href} className="visually-hidden-focusable" href={href}>
          {t(key)}
        </a>
      ))}
    </div>
  );
}

/** The slim bar: the application's name, the language and who is signed in (or the way to sign in). */
function SlimHeader({ user }: { user: ShellData['user'] }) {
  const { t } = useI18n();
  return (
    <div className="it-header-slim-wrapper">
      <div className="container">
        <div className="it-header-slim-wrapper-content">
          <Link className="navbar-brand" to="/">
            {t('app.name')}
          </Link>
          <div className="it-header-slim-right-zone gap-3">
            <LanguageSwitch />
            {user ? (
              <div className="d-flex align-items-center gap-2">
                <Link to="/profilo" className="text-white small user-name" translate="no">
                  {user.name}
                </Link>
                <Form method="post" action="/esci" className="d-inline">
                  <CsrfField />
                  <button type="submit" className="btn btn-primary btn-sm btn-icon">
                    {t('header.signout')}
                  </button>
                </Form>
              </div>
            ) : (
              <Link className="btn btn-primary btn-sm" to="/accedi">
                {t('header.signin')}
              </Link>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}

/** The brand: the current Ambito and its Region (or the application), and the switch to another Ambito. */
function BrandHeader({ data }: { data: ShellData | undefined }) {
  const { t } = useI18n();
  const current = data?.current ?? null;
  return (
    <div className="it-header-center-wrapper">
      <div className="container">
        <div className="it-header-center-content-wrapper">
          <div className="it-brand-wrapper">
            <Link to={current ? `/ambiti/${current.code}` : '/'}>
              <div className="it-brand-text">
                <div className="it-brand-title" translate={current ? 'no' : undefined}>
                  {current?.name ?? t('app.name')}
                </div>
                <div className="it-brand-tagline d-none d-md-block">
                  {current ? (
                    <>
                      {t('header.region')} <span translate="no">{current.regionName}</span>
                    </>
                  ) : (
                    t('app.tagline')
                  )}
                </div>
              </div>
            </Link>
          </div>
          <div className="it-right-zone">
            <AmbitoSwitcher ambiti={data?.ambiti ?? []} current={current} />
          </div>
        </div>
      </div>
    </div>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <div className="container py-4">
          <p className="h4 text-white">{t('app.name')}</p>
          <p className="text-white mb-0">{t('app.tagline')}</p>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <h2 className="visually-hidden">{t('ui.footer.links')}</h2>
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <Link to="/accessibilita">{t('footer.accessibility')}</Link>
            </li>
            <li className="list-inline-item">
              <a href="/api/v1/openapi.json">{t('footer.api')}</a>
            </li>
            <li className="list-inline-item">
              <Link to="/dati">{t('footer.openData')}</Link>
            </li>
            {(['footer.istat', 'footer.licence'] as const).map((note) => (
              <li key={note} className="list-inline-item">
                <span className="text-white">{t(note)}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </footer>
  );
}

/** The application shell: skip links, Bootstrap Italia header (slim bar, brand, navigation), footer. */
export function Shell({ data, children }: { data: ShellData | undefined; children: ReactNode }) {
  return (
    <>
      <SkipLinks withNav={Boolean(data?.nav.length)} />
      <header className="it-header-wrapper">
        <SlimHeader user={data?.user ?? null} />
        <div className="it-nav-wrapper">
          <BrandHeader data={data} />
          {data?.nav.length ? <MainNav items={data.nav} /> : null}
        </div>
      </header>
      <main id="main-content" className="container my-4 my-lg-5" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </>
  );
}
