// An ICB's open risks on its page: those of the ICB itself, for people whose organisation covers it.
import type { Risk } from '../../../../src/core/risks/risk.ts';
import { useApi } from '../../api/use-api.ts';
import { Failed, Loading } from '../../components/states.tsx';
import { Link } from '../../router.tsx';
import { RiskTable } from './risk-table.tsx';

export function IcbRisks({ code, name }: { code: string; name: string }) {
  const risks = useApi<{ rows: Risk[] }>('/risks', { organisation: code });
  return (
    <>
      <h2>Risks</h2>
      {risks.state === 'loading' && <Loading what="the risks" />}
      {risks.state === 'failed' &&
        (risks.error.status === 403 ? (
          <p>The risks of {name} are shown to the ICB, its region and national.</p>
        ) : (
          <Failed what="the risks" error={risks.error} onRetry={risks.reload} />
        ))}
      {risks.state === 'ready' && (
        <>
          <RiskTable rows={risks.data.rows.filter((r) => r.status === 'open')} caption={`Open risks held by ${name}`} />
          <p>
            <Link href="/risks">The whole risk register</Link>
          </p>
        </>
      )}
    </>
  );
}
