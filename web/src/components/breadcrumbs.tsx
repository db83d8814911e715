import { Link } from '../router.tsx';

export function Breadcrumbs({ trail }: { trail: { href: string; text: string }[] }) {
  const parent = trail[trail.length - 1];
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {trail.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.href}>
            <Link className="nhsuk-breadcrumb__link" href={item.href}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
      {parent && (
        <Link className="nhsuk-back-link" href={parent.href}>
          <span className="nhsuk-u-visually-hidden">Back to </span>
          {parent.text}
        </Link>
      )}
    </nav>
  );
}
