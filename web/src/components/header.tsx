// NHS.UK header: service name, the signed-in account with sign-out, and the main navigation.
import { signOut } from '../api/client.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { NhsLogo } from './nhs-logo.tsx';

interface NavItem {
  href: string;
  text: string;
  /** Paths that count as being "in" this section. */
  section: RegExp;
}

const NAVIGATION: NavItem[] = [
  { href: '/', text: 'England overview', section: /^\/(icb\/.*)?$/ },
  { href: '/services', text: 'Services', section: /^\/services/ },
  { href: '/flows', text: 'Patient flows', section: /^\/flows/ },
  { href: '/footprints', text: 'Footprints', section: /^\/footprints/ },
  { href: '/places', text: 'Places & networks', section: /^\/places/ },
  { href: '/variation', text: 'Variation', section: /^\/variation/ },
  { href: '/quality', text: 'Quality', section: /^\/quality/ },
  { href: '/assurance', text: 'Assurance', section: /^\/assurance/ },
  { href: '/planning', text: 'Planning', section: /^\/planning/ },
  { href: '/delegation', text: 'Delegation', section: /^\/delegation/ },
  { href: '/risks', text: 'Risks', section: /^\/risks/ },
  { href: '/data', text: 'Data', section: /^\/data/ },
];

/** Only admins manage users. */
const USERS: NavItem = { href: '/users', text: 'Users', section: /^\/users/ };

export function Header() {
  const { session, setSession } = useSession();
  const { path } = useLocation();
  const user = session?.user;

  const leave = async () => {
    try {
      await signOut();
    } finally {
      setSession(null);
      navigate('/sign-in?signedOut=1');
    }
  };

  return (
    <header className="nhsuk-header">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" href="/" aria-label="Footprint homepage">
            <NhsLogo />
            <span className="nhsuk-header__service-name">Footprint</span>
          </Link>
        </div>
        {user && (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              <li className="nhsuk-header__account-item">{user.email}</li>
              <li className="nhsuk-header__account-item">
                {user.organisation.name} ({user.role})
              </li>
              <li className="nhsuk-header__account-item">
                <button type="button" className="nhsuk-header__account-button" onClick={leave}>
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        )}
      </div>
      {user && (
        <nav className="nhsuk-header__navigation" aria-label="Menu">
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {[...navigationFor(user.organisation), ...(user.role === 'admin' ? [USERS] : [])].map((item) => {
                const current = item.section.test(path);
                return (
                  <li
                    key={item.href}
                    className={`nhsuk-header__navigation-item${current ? ' nhsuk-header__navigation-item--current' : ''}`}
                  >
                    <Link
                      className="nhsuk-header__navigation-link"
                      href={item.href}
                      aria-current={current ? (path === item.href ? 'page' : 'true') : undefined}
                    >
                      {current ? (
                        <strong className="nhsuk-header__navigation-item-current-fallback">{item.text}</strong>
                      ) : (
                        item.text
                      )}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}

/** An ICB's people get a direct link to their own ICB's page. */
function navigationFor(organisation: { code: string; name: string; type: string }): NavItem[] {
  if (organisation.type !== 'icb') return NAVIGATION;
  const own: NavItem = {
    href: `/icb/${encodeURIComponent(organisation.code)}`,
    text: 'Your ICB',
    section: new RegExp(`^/icb/${organisation.code}$`),
  };
  return [{ ...NAVIGATION[0]!, section: /^\/$/ }, own, ...NAVIGATION.slice(1)];
}
