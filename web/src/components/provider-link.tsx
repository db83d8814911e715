// A provider as every table names it: its name with the ODS code in brackets, linking to its page.
import { Link } from '../router.tsx';

export function providerPath(code: string): string {
  return `/providers/${encodeURIComponent(code)}`;
}

export function ProviderLink({ code, name }: { code: string; name: string }) {
  return <Link href={providerPath(code)}>{name === code ? code : `${name} (${code})`}</Link>;
}
