// Numbered schema migrations, applied in order. Add a migration as a new file and a new entry;
// never edit one that has shipped.
import * as initial from './001-initial.ts';
import * as users from './002-users.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: initial.name, sql: initial.sql },
  { version: 2, name: users.name, sql: users.sql },
];
