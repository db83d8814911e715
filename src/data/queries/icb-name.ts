// An ICB's name as SQL, for tables that join the icb table to a code: its name, "Not known" for the
// UNALLOCATED bucket (no host or residence known), or the code when the vintage has no such ICB.
import { UNALLOCATED } from '../../core/basis/index.ts';

export function icbNameSql(nameColumn: string, codeColumn: string): string {
  return `coalesce(${nameColumn}, CASE WHEN ${codeColumn} = '${UNALLOCATED}' THEN 'Not known' ELSE ${codeColumn} END)`;
}
