// The server's side of the control channel: each connection carries one command line, run here with the
// program the terminal would run, against a connection of its own to the workspace this process already
// holds, with the client's working directory, environment, standard streams and exit code. Changes are
// audited as the machine's operator, and the app's remembered answers are forgotten after any command that
// opened the workspace for writing, so the web app shows a CLI import or user change at once.
import { chmodSync, mkdirSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { Writable } from 'node:stream';
import { CommanderError } from 'commander';
import { FootprintError, fail } from '../../core/errors.ts';
import { type AuditActor, machineUser } from '../../data/audit/record-audit.ts';
import { type OpenOptions, openWorkspace, type Workspace } from '../../data/workspace.ts';
import { reportError } from '../output.ts';
import { type CliSession, inSession } from '../session.ts';
import {
  type ClientFrame,
  controlDir,
  controlSocketPath,
  encodeFrame,
  frameReader,
  NOT_FORWARDED,
  type ServerFrame,
} from './protocol.ts';

export interface ControlLog {
  info(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface ControlChannelOptions {
  /** Called after a command that may have changed the workspace. */
  onChange: () => void;
  log: ControlLog;
}

export interface ControlChannel {
  readonly path: string;
  close(): Promise<void>;
}

/** The operator principal: the machine user this server runs as, who alone can reach the socket. */
export function operatorActor(): AuditActor {
  return { actor: `operator:${machineUser()}`, organisation: 'national', source: `cli@${hostname()}` };
}

/** Listens on the workspace's control socket. */
export async function openControlChannel(ws: Workspace, options: ControlChannelOptions): Promise<ControlChannel> {
  const dir = controlDir(ws.dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const path = controlSocketPath(ws.dir);
  // This process holds the workspace file's write lock, so a socket already there was left by a server that
  // stopped without cleaning up.
  rmSync(path, { force: true });
  const server = createServer((socket) => serveConnection(ws, socket, options));
  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen(path, () => {
      server.off('error', failed);
      done();
    });
  });
  chmodSync(path, 0o600);
  return { path, close: () => closeServer(server, path) };
}

function closeServer(server: Server, path: string): Promise<void> {
  return new Promise((done) => {
    server.close(() => {
      rmSync(path, { force: true });
      done();
    });
  });
}

function serveConnection(ws: Workspace, socket: Socket, options: ControlChannelOptions): void {
  const send = (frame: ServerFrame) => {
    if (!socket.destroyed) socket.write(encodeFrame(frame));
  };
  let stdinWaiter: ((data: Buffer) => void) | null = null;
  const answerWaiters = new Map<number, (text: string) => void>();
  let started = false;
  socket.on('error', () => {});
  socket.on(
    'data',
    frameReader<ClientFrame>((frame) => {
      if (frame.type === 'run' && !started) {
        started = true;
        void runForwarded(ws, frame, {
          send,
          readStdin: () =>
            new Promise((done) => {
              stdinWaiter = done;
              send({ type: 'stdin' });
            }),
          ask: (id, question, hidden) =>
            new Promise((done) => {
              answerWaiters.set(id, done);
              send({ type: 'prompt', id, question, hidden });
            }),
          options,
        }).then((code) => {
          send({ type: 'exit', code });
          socket.end();
        });
      } else if (frame.type === 'stdin') {
        stdinWaiter?.(Buffer.from(frame.data, 'base64'));
        stdinWaiter = null;
      } else if (frame.type === 'answer') {
        answerWaiters.get(frame.id)?.(frame.text);
        answerWaiters.delete(frame.id);
      }
    }),
  );
}

interface Wire {
  send: (frame: ServerFrame) => void;
  readStdin: () => Promise<Buffer>;
  ask: (id: number, question: string, hidden: boolean) => Promise<string>;
  options: ControlChannelOptions;
}

/** A stream whose bytes go to the client as frames of one kind. */
function frameStream(kind: 'stdout' | 'stderr', send: (frame: ServerFrame) => void): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      send({ type: kind, data: Buffer.from(chunk).toString('base64') });
      done();
    },
  });
}

function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

async function runForwarded(ws: Workspace, run: Extract<ClientFrame, { type: 'run' }>, wire: Wire): Promise<number> {
  const { log, onChange } = wire.options;
  const started = performance.now();
  let opened = false;
  let prompts = 0;
  const session: CliSession = {
    stdout: frameStream('stdout', wire.send),
    stderr: frameStream('stderr', wire.send),
    stderrIsTTY: false,
    stdinIsTTY: run.stdinIsTTY,
    cwd: run.cwd,
    env: run.env,
    readStdin: wire.readStdin,
    prompt: (question, hidden) => wire.ask(++prompts, question, hidden),
    openWorkspace: (dir: string, openOptions: OpenOptions) => {
      if (!sameFolder(dir, ws.dir)) return openWorkspace(dir, openOptions);
      if (openOptions.create) {
        fail('FP_WORKSPACE_SERVED', `A Footprint server is running on the workspace at ${ws.dir}.`, {
          where: { file: ws.dir },
          hint: 'The workspace exists already; every other command works beside the server.',
        });
      }
      // Read-only commands only read, but a command that opens for writing may change anything.
      opened ||= !openOptions.readOnly;
      return ws.connect();
    },
    actor: operatorActor(),
    servedDir: ws.dir,
    exitCode: undefined,
  };
  const verb = run.argv.find((a) => !a.startsWith('-')) ?? '';
  let code: number;
  try {
    code = await inSession(session, async () => {
      try {
        if ((NOT_FORWARDED as readonly string[]).includes(verb)) {
          fail('FP_WORKSPACE_SERVED', `A Footprint server is running on the workspace at ${ws.dir}.`, {
            where: { file: ws.dir, parameter: verb },
            hint: 'Every other command works beside the server; stop it first to run this one.',
          });
        }
        // A fresh program for every command: commander keeps parse state on the program.
        const { buildProgram } = await import('../main.ts');
        const program = buildProgram((p) =>
          p.exitOverride().configureOutput({
            writeOut: (text) => session.stdout.write(text),
            writeErr: (text) => session.stderr.write(text),
            outputError: (text, write) => write(text),
          }),
        );
        await program.parseAsync(run.argv, { from: 'user' });
        return session.exitCode ?? 0;
      } catch (error) {
        if (error instanceof CommanderError) return error.exitCode;
        if (!(error instanceof FootprintError)) {
          log.error({ err: error, command: verb, actor: session.actor.actor }, 'forwarded command failed');
        }
        return reportError(error);
      }
    });
  } finally {
    if (opened) onChange();
  }
  log.info(
    { command: verb, actor: session.actor.actor, exitCode: code, responseTime: performance.now() - started },
    'forwarded command',
  );
  return code;
}
