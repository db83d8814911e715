// The command line's side of the control channel: when a live server holds the workspace a command names,
// the command is sent to it and its output, input requests and exit code come back; otherwise (no server,
// or a socket left by one that stopped) the command runs here as usual.
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { fail } from '../../core/errors.ts';
import { promptOnTerminal } from '../session.ts';
import {
  type ClientFrame,
  controlSocketPath,
  encodeFrame,
  frameReader,
  NOT_FORWARDED,
  type ServerFrame,
} from './protocol.ts';

/** The workspace folder argv names, the way the command will resolve it: --workspace, else
 * FOOTPRINT_WORKSPACE, else ./workspace. */
export function workspaceDirOfArgv(argv: readonly string[], env = process.env, cwd = process.cwd()): string {
  let named: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--workspace' && argv[i + 1] !== undefined) named = argv[i + 1];
    else if (arg.startsWith('--workspace=')) named = arg.slice('--workspace='.length);
  });
  return resolve(cwd, named ?? env.FOOTPRINT_WORKSPACE ?? 'workspace');
}

/** Help and version are answered here: they need no workspace. */
function answeredLocally(argv: readonly string[]): boolean {
  return argv.length === 0 || argv[0] === 'help' || argv.some((a) => ['-h', '--help', '-V', '--version'].includes(a));
}

/** A connection to the server holding dir, or null when no server is listening there. */
function connectToServer(dir: string): Promise<Socket | null> {
  const path = controlSocketPath(dir);
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((done) => {
    const socket = connect(path);
    socket.once('connect', () => done(socket));
    // ECONNREFUSED: a socket file left by a server that stopped without removing it.
    socket.once('error', () => done(null));
  });
}

/** Runs argv on the server holding its workspace and gives the exit code, or null when no server holds it
 * (the caller then runs the command itself). */
export async function forwardIfServed(argv: string[]): Promise<number | null> {
  if (answeredLocally(argv)) return null;
  const dir = workspaceDirOfArgv(argv);
  const socket = await connectToServer(dir);
  if (!socket) return null;
  const verb = argv.find((a) => !a.startsWith('-'));
  if ((NOT_FORWARDED as readonly string[]).includes(verb ?? '')) {
    socket.destroy();
    fail('FP_WORKSPACE_SERVED', `A Footprint server is running on the workspace at ${dir}.`, {
      where: { file: dir, parameter: verb },
      hint: 'Use the running server (every other command works beside it), or stop it first.',
    });
  }
  return runOnServer(socket, controlSocketPath(dir), {
    type: 'run',
    argv,
    cwd: process.cwd(),
    env: { FOOTPRINT_WORKSPACE: process.env.FOOTPRINT_WORKSPACE, FOOTPRINT_DEBUG: process.env.FOOTPRINT_DEBUG },
    stdinIsTTY: process.stdin.isTTY === true,
  });
}

function runOnServer(socket: Socket, path: string, run: ClientFrame): Promise<number> {
  const send = (frame: ClientFrame) => socket.write(encodeFrame(frame));
  return new Promise((done, failed) => {
    let exitCode: number | null = null;
    const onFrame = (frame: ServerFrame) => {
      if (frame.type === 'stdout') process.stdout.write(Buffer.from(frame.data, 'base64'));
      else if (frame.type === 'stderr') process.stderr.write(Buffer.from(frame.data, 'base64'));
      else if (frame.type === 'stdin') void readAllStdin().then((data) => send({ type: 'stdin', data }));
      else if (frame.type === 'prompt') {
        void promptOnTerminal(frame.question, frame.hidden).then((text) =>
          send({ type: 'answer', id: frame.id, text }),
        );
      } else if (frame.type === 'exit') {
        exitCode = frame.code;
        socket.end();
      }
    };
    socket.on('data', frameReader(onFrame));
    socket.on('error', () => {});
    socket.on('close', () => {
      if (exitCode !== null) {
        done(exitCode);
        return;
      }
      try {
        fail('FP_WORKSPACE_SERVER_LOST', 'The Footprint server stopped before the command finished.', {
          where: { file: path },
          hint: 'Check whether the change was made, then run the command again.',
        });
      } catch (error) {
        failed(error);
      }
    });
    send(run);
  });
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('base64');
}
