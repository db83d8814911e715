// NHS.UK footer with the links a person needs to trust what they are reading.
export function Footer() {
  return (
    <footer className="nhsuk-footer">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item">
              <a className="nhsuk-footer__list-item-link" href="/api/openapi.json">
                API description (OpenAPI)
              </a>
            </li>
          </ul>
          <p className="nhsuk-body-s">
            Footprint plans NHS specialised services on the right population footprint. Figures come from the workspace
            this server was started with; reference data is published by NHS England and the ONS.
          </p>
        </div>
      </div>
    </footer>
  );
}
