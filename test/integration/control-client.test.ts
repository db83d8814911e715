// The command line's side of the control channel, against stand-in servers on a real socket: a command is
// run here when nothing listens, and a server that hangs up mid-command is a problem naming the socket.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forwardIfServed, workspaceDirOfArgv } from '../../src/cli/control/control-client.ts';
import { controlDir, controlSocketPath } from '../../src/cli/control/protocol.ts';
import { FootprintError } from '../../src/core/errors.ts';

describe('forwardIfServed', () => {
  it('finds the workspace as the command will: --workspace, then FOOTPRINT_WORKSPACE, then ./workspace', () => {
    expect(workspaceDirOfArgv(['run', '--workspace', 'ws'], {}, '/home/a')).toBe('/home/a/ws');
    expect(workspaceDirOfArgv(['run', '--workspace=/data/ws'], {}, '/home/a')).toBe('/data/ws');
    expect(workspaceDirOfArgv(['run'], { FOOTPRINT_WORKSPACE: 'shared' }, '/home/a')).toBe('/home/a/shared');
    expect(workspaceDirOfArgv(['run'], {}, '/home/a')).toBe('/home/a/workspace');
  });

  it('leaves the command to run here when no server listens, even with a socket file left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'footprint-control-'));
    expect(await forwardIfServed(['user', 'list', '--workspace', dir])).toBeNull();
    mkdirSync(controlDir(dir));
    writeFileSync(controlSocketPath(dir), '');
    expect(await forwardIfServed(['user', 'list', '--workspace', dir])).toBeNull();
  });

  it('names the socket when the server hangs up before the exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'footprint-control-'));
    mkdirSync(controlDir(dir));
    const hangUp = createServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((done) => hangUp.listen(controlSocketPath(dir), done));
    try {
      const error = await forwardIfServed(['user', 'list', '--workspace', dir]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FootprintError);
      expect((error as FootprintError).problem.code).toBe('FP_WORKSPACE_SERVER_LOST');
      expect((error as FootprintError).problem.where).toEqual({ file: controlSocketPath(dir) });
    } finally {
      hangUp.close();
    }
  });
});
