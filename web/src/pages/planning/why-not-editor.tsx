// Why the signed-in person cannot change a scenario: their role, or an organisation that does not cover
// the scenario's owner. Said plainly, with what would let them.
import { useSession } from '../../session.tsx';

export function WhyNotEditor({ what, owner }: { what: string; owner?: string }) {
  const { session } = useSession();
  const user = session?.user;
  const role = user?.role ?? 'viewer';
  const organisation = user?.organisation.name ?? 'your organisation';
  return (
    <div className="nhsuk-inset-text" data-testid="why-not-editor">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {role === 'viewer' ? (
        <p>
          You are signed in as a <strong>viewer</strong> for {organisation}, so you can read scenarios and their plans
          but not {what}. Ask an administrator in your organisation to make you an editor.
        </p>
      ) : (
        <p>
          This scenario belongs to <strong>{owner}</strong>. You are an {role} for {organisation}, so you cannot {what}:
          only editors of {owner}, its region or national can. Copy its figures into a new scenario for your own ICB
          instead.
        </p>
      )}
    </div>
  );
}
