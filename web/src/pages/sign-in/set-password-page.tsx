// Shown instead of every page to someone whose password was set for them (the first administrator, or after
// an admin's reset) until they choose their own: the API refuses everything else meanwhile.
import { type FormEvent, useState } from 'react';
import { changeOwnPassword } from '../../api/client.ts';
import { FormField } from '../../components/form-field.tsx';
import { ProblemSummary, problemText } from '../../components/problem-summary.tsx';
import { useTitle } from '../../router.tsx';
import { useSession } from '../../session.tsx';

export default function SetPasswordPage() {
  useTitle('Set a new password');
  const { setSession } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next.length < 12) return setProblem('Choose a new password of 12 characters or more');
    if (next !== again) return setProblem('The two new passwords are not the same');
    setBusy(true);
    try {
      setSession(await changeOwnPassword(current, next));
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ProblemSummary problem={problem} />
        <h1>Set a new password</h1>
        <p>
          The password you signed in with was set for you. Choose one only you know before using Footprint: at least 12
          characters; a few unrelated words make a strong one.
        </p>
        <form onSubmit={submit} noValidate>
          <FormField
            id="current-password"
            label="The password you signed in with"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={setCurrent}
          />
          <FormField
            id="new-password"
            label="New password"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={setNext}
          />
          <FormField
            id="new-password-again"
            label="New password again"
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={setAgain}
          />
          <button type="submit" className="nhsuk-button" disabled={busy}>
            {busy ? 'Saving…' : 'Set password'}
          </button>
        </form>
      </div>
    </div>
  );
}
