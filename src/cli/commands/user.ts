// `footprint user add | list | remove`: the people who can sign in to the web app, each in an
// organisation (2026 ICB, region or national) with a role (viewer, editor, admin).
import type { Command } from 'commander';
import { fail } from '../../core/errors.ts';
import { addUser, listUsers, removeUser } from '../../data/users/user-store.ts';
import { say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';

async function readPassword(fromStdin: boolean): Promise<string> {
  const session = cliSession();
  // One trailing line end is the shell's, not the password's.
  if (fromStdin) return (await session.readStdin()).toString('utf8').replace(/\r?\n$/, '');
  if (!session.stdinIsTTY) {
    fail('FP_AUTH_NO_PASSWORD_INPUT', 'There is no terminal to type a password into.', {
      where: { parameter: '--password-stdin' },
      hint: 'Pipe the password in: printf %s "$PASSWORD" | footprint user add … --password-stdin',
    });
  }
  const first = await session.prompt('Password (12 characters or more): ', true);
  const again = await session.prompt('Password again: ', true);
  if (first !== again) {
    fail('FP_AUTH_BAD_PASSWORD', 'The two passwords typed differ.', { where: { parameter: 'password' } });
  }
  return first;
}

interface UserAddOptions {
  workspace?: string;
  email: string;
  org: string;
  role: string;
  passwordStdin?: boolean;
}

export function register(program: Command): void {
  const user = program.command('user').description('Manage who can sign in to the web app.');
  user
    .command('add')
    .description('Add a user with an organisation and a role.')
    .requiredOption('--email <email>', 'their email address (the sign-in name)')
    .requiredOption('--org <code>', '2026 ICB ODS code (e.g. QWE), region ODS code (e.g. Y56) or "national"')
    .requiredOption('--role <role>', 'viewer, editor or admin')
    .option('--password-stdin', 'read the password from standard input instead of asking')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (opts: UserAddOptions) => {
      const password = await readPassword(opts.passwordStdin === true);
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const added = await addUser(
          ws,
          { email: opts.email, organisation: opts.org, role: opts.role, password },
          cliSession().actor,
        );
        say(`Added ${added.email}: ${added.role} at ${added.organisation.name} (${added.organisation.code}).`);
      } finally {
        ws.close();
      }
    });
  user
    .command('list')
    .description('List users with their organisation and role.')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (opts: { workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const users = await listUsers(ws);
        if (users.length === 0) say('No users yet. Add one with `footprint user add`.');
        for (const u of users) say(`${u.email}\t${u.role}\t${u.organisation.code}\t${u.organisation.name}`);
      } finally {
        ws.close();
      }
    });
  user
    .command('remove')
    .description('Remove a user and end their sessions.')
    .requiredOption('--email <email>', 'their email address')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (opts: { workspace?: string; email: string }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        await removeUser(ws, opts.email, cliSession().actor);
        say(`Removed ${opts.email.trim().toLowerCase()}.`);
      } finally {
        ws.close();
      }
    });
}
