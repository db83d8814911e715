// `footprint user add | list | remove` run as a person would, through the real CLI.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReference } from '../../../src/data/reference/load-reference.ts';
import { verifyPassword } from '../../../src/data/users/password-hash.ts';
import { findUserForSignIn } from '../../../src/data/users/user-store.ts';
import { openWorkspace } from '../../../src/data/workspace.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;

async function footprint(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'main.ts'), ...args], {
    cwd: root,
  });
  if (stdin !== undefined) {
    child.child.stdin!.end(stdin);
  } else {
    child.child.stdin!.end();
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-users-'));
  const ws = await openWorkspace(dir, { create: true });
  await loadReference(ws);
  ws.close();
});

describe('footprint user', () => {
  it('adds a user with the password from stdin, stores only a hash that verifies, lists and removes them', async () => {
    const added = await footprint(
      [
        'user',
        'add',
        '--workspace',
        dir,
        '--email',
        'Ann@Example.org',
        '--org',
        'y56',
        '--role',
        'editor',
        '--password-stdin',
      ],
      'a long enough password\n',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Added ann@example.org: editor at London (Y56).');
    const ws = await openWorkspace(dir);
    try {
      const found = await findUserForSignIn(ws, 'ann@example.org');
      expect(found!.passwordHash).not.toContain('a long enough password');
      expect(await verifyPassword('a long enough password', found!.passwordHash)).toBe(true);
      expect(await verifyPassword('a long enough password\n', found!.passwordHash)).toBe(false);
    } finally {
      ws.close();
    }
    const listed = await footprint(['user', 'list', '--workspace', dir]);
    expect(listed.stdout).toContain('ann@example.org\teditor\tY56\tLondon');
    expect((await footprint(['user', 'remove', '--workspace', dir, '--email', 'ann@example.org'])).code).toBe(0);
    const again = await footprint(['user', 'remove', '--workspace', dir, '--email', 'ann@example.org']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('FP_AUTH_USER_NOT_FOUND');
  });

  it('without a terminal and without --password-stdin, fails with FP_AUTH_NO_PASSWORD_INPUT naming the option', async () => {
    const result = await footprint([
      'user',
      'add',
      '--workspace',
      dir,
      '--email',
      'b@example.org',
      '--org',
      'QWE',
      '--role',
      'viewer',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FP_AUTH_NO_PASSWORD_INPUT');
    expect(result.stderr).toContain('at parameter --password-stdin');
  });

  it('rejects an unknown organisation and a bad role, naming them', async () => {
    const org = await footprint(
      [
        'user',
        'add',
        '--workspace',
        dir,
        '--email',
        'c@example.org',
        '--org',
        'QZZ',
        '--role',
        'viewer',
        '--password-stdin',
      ],
      'a long enough password',
    );
    expect(org.stderr).toContain('FP_AUTH_UNKNOWN_ORGANISATION');
    const role = await footprint(
      [
        'user',
        'add',
        '--workspace',
        dir,
        '--email',
        'c@example.org',
        '--org',
        'QWE',
        '--role',
        'boss',
        '--password-stdin',
      ],
      'a long enough password',
    );
    expect(role.stderr).toContain('FP_AUTH_BAD_ROLE');
    expect(role.stderr).toContain('at parameter role');
  });
});
