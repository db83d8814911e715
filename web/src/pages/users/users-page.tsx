// Users, for admins: everyone in the admin's organisation and those it covers, with their role; add a
// colleague, change a role or organisation, reset a password, remove someone. The API checks every change
// against the admin's scope; this page only offers what it would accept.
import { type FormEvent, useState } from 'react';
import type { Role, UserList, UserSummary } from '../../../../src/core/users/user-shapes.ts';
import { deleteResource, patchJson, postJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { FormField } from '../../components/form-field.tsx';
import { ProblemSummary, problemText } from '../../components/problem-summary.tsx';
import { Async } from '../../components/states.tsx';
import { useTitle } from '../../router.tsx';
import { useSession } from '../../session.tsx';

const ROLE_NAMES: Record<Role, string> = {
  viewer: 'Viewer (reads)',
  editor: 'Editor (changes their organisation’s work)',
  admin: 'Admin (also manages users)',
};
const ROLE_LIST = Object.keys(ROLE_NAMES) as Role[];

const USER_COLUMNS: Column<UserSummary>[] = [
  { key: 'email', header: 'Email', value: (u) => u.email, rowHeader: true },
  {
    key: 'organisation',
    header: 'Organisation',
    value: (u) =>
      u.organisation.type === 'national' ? u.organisation.name : `${u.organisation.name} (${u.organisation.code})`,
  },
  { key: 'role', header: 'Role', value: (u) => u.role },
  { key: 'password', header: 'Password', value: (u) => (u.mustChangePassword ? 'Must set a new one' : 'Their own') },
];

const userPath = (email: string) => `/users/${encodeURIComponent(email)}`;

export default function UsersPage() {
  useTitle('Users');
  const { session } = useSession();
  const users = useApi<UserList>('/users');
  const [done, setDone] = useState<string | null>(null);
  const me = session?.user;
  if (me?.role !== 'admin') {
    return (
      <>
        <h1>Users</h1>
        <p>Only administrators manage users. Ask your organisation’s Footprint administrator to add a colleague.</p>
      </>
    );
  }
  const changed = (message: string) => {
    setDone(message);
    users.reload();
  };
  return (
    <>
      <h1>Users</h1>
      <p>
        You manage the users of {me.organisation.name}
        {me.organisation.type === 'national' ? ', which covers everyone' : ' and the organisations it covers'}. Every
        change is recorded in the audit trail.
      </p>
      {done && (
        <div className="nhsuk-inset-text" role="status" data-testid="users-done">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{done}</p>
        </div>
      )}
      <Async result={users} what="the users">
        {(data) => (
          <>
            <div data-testid="users-table">
              <DataTable
                caption={`${data.rows.length} users`}
                rows={data.rows}
                columns={USER_COLUMNS}
                rowKey={(u) => u.email}
                initialSort={{ key: 'email', direction: 'ascending' }}
              />
            </div>
            <h2>Change a user</h2>
            {data.rows
              .filter((u) => u.email !== me.email)
              .map((u) => (
                <ChangeUser key={u.email} user={u} onChanged={changed} />
              ))}
          </>
        )}
      </Async>
      <AddUser onAdded={changed} />
    </>
  );
}

function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        Role
      </label>
      <select className="nhsuk-select" id={id} value={value} onChange={(e) => onChange(e.target.value as Role)}>
        {ROLE_LIST.map((role) => (
          <option key={role} value={role}>
            {ROLE_NAMES[role]}
          </option>
        ))}
      </select>
    </div>
  );
}

const ORGANISATION_HINT = 'An ICB code such as QWE, a region code such as Y56, or national';

function AddUser({ onAdded }: { onAdded: (message: string) => void }) {
  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const added = await postJson<UserSummary>('/users', {
        email: email.trim(),
        organisation: organisation.trim(),
        role,
        password,
        mustChangePassword: true,
      });
      setEmail('');
      setOrganisation('');
      setPassword('');
      onAdded(
        `Added ${added?.email ?? email}. Give them the first password by a safe route: they choose their own when they first sign in.`,
      );
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-user">
      <h2 id="add-user">Add a user</h2>
      <ProblemSummary problem={problem} />
      <FormField id="new-email" label="Email address" type="email" value={email} onChange={setEmail} width={30} />
      <FormField
        id="new-organisation"
        label="Organisation"
        hint={ORGANISATION_HINT}
        value={organisation}
        onChange={setOrganisation}
        width={10}
      />
      <RoleSelect id="new-role" value={role} onChange={setRole} />
      <FormField
        id="new-password"
        label="First password"
        hint="12 characters or more; they must replace it when they first sign in"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
      />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        {busy ? 'Adding…' : 'Add user'}
      </button>
    </form>
  );
}

function ChangeUser({ user, onChanged }: { user: UserSummary; onChanged: (message: string) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [organisation, setOrganisation] = useState(user.organisation.code);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const slug = user.email.replace(/[^a-z0-9]/gi, '-');
  const act = async (work: () => Promise<unknown>, message: string) => {
    setProblem(null);
    try {
      await work();
      onChanged(message);
    } catch (error) {
      setProblem(problemText(error));
    }
  };
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{user.email}</span>
      </summary>
      <div className="nhsuk-details__text">
        <ProblemSummary problem={problem} />
        <RoleSelect id={`role-${slug}`} value={role} onChange={setRole} />
        <FormField
          id={`organisation-${slug}`}
          label="Organisation"
          hint={ORGANISATION_HINT}
          value={organisation}
          onChange={setOrganisation}
          width={10}
        />
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() =>
            act(
              () => patchJson(userPath(user.email), { role, organisation: organisation.trim() }),
              `Changed ${user.email}: ${role} at ${organisation.trim()}. Their sessions were ended.`,
            )
          }
        >
          Save role and organisation
        </button>
        <FormField
          id={`password-${slug}`}
          label="New first password"
          hint="They must replace it when they next sign in; their sessions end now"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() =>
            act(
              () => postJson(`${userPath(user.email)}/password`, { password }),
              `Reset the password of ${user.email}.`,
            )
          }
        >
          Reset password
        </button>
        <p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--warning nhsuk-u-margin-bottom-0"
            onClick={() => {
              if (window.confirm(`Remove ${user.email}? They will be signed out and cannot sign in again.`)) {
                void act(() => deleteResource(userPath(user.email)), `Removed ${user.email}.`);
              }
            }}
          >
            Remove {user.email}
          </button>
        </p>
      </div>
    </details>
  );
}
