// Sign in with an email and password given by an administrator (`footprint user add`). After signing in,
// the person returns to the page they asked for.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, signIn } from '../../api/client.ts';
import { FormField } from '../../components/form-field.tsx';
import { navigate, useLocation, useTitle } from '../../router.tsx';
import { useSession } from '../../session.tsx';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send someone elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export default function SignInPage() {
  useTitle('Sign in');
  const { query } = useLocation();
  const { setSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<{ field: 'email' | 'password' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) return setProblem({ field: 'email', message: 'Enter your email address' });
    if (!password) return setProblem({ field: 'password', message: 'Enter your password' });
    setBusy(true);
    try {
      const session = await signIn(email.trim(), password);
      setSession(session);
      navigate(safeNext(query.get('next')), { replace: true });
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 401
          ? 'The email address or password is not right'
          : error instanceof ApiError
            ? error.message
            : String(error);
      setProblem({ field: null, message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {problem && (
          <div className="nhsuk-error-summary" ref={summary} tabIndex={-1}>
            <div role="alert">
              <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
              <div className="nhsuk-error-summary__body">
                <ul className="nhsuk-list nhsuk-error-summary__list">
                  <li>{problem.field ? <a href={`#${problem.field}`}>{problem.message}</a> : problem.message}</li>
                </ul>
              </div>
            </div>
          </div>
        )}
        {query.get('signedOut') && !problem && (
          <div className="nhsuk-inset-text" role="status">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>You have signed out.</p>
          </div>
        )}
        <h1>Sign in to Footprint</h1>
        <p>Use the email address and password your organisation's Footprint administrator gave you.</p>
        <form onSubmit={submit} noValidate>
          <FormField
            id="email"
            label="Email address"
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={problem?.field === 'email' ? problem.message : undefined}
          />
          <FormField
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={problem?.field === 'password' ? problem.message : undefined}
          />
          <button type="submit" className="nhsuk-button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">I do not have an account</span>
          </summary>
          <div className="nhsuk-details__text">
            <p>
              An administrator creates accounts with{' '}
              <code>footprint user add --email you@nhs.net --org CODE --role viewer</code>. On a new installation,{' '}
              <code>npm start</code> prints the first administrator's password once.
            </p>
          </div>
        </details>
      </div>
    </div>
  );
}
