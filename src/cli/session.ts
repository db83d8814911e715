// Where a CLI command's input and output go and how it gets its workspace. A command run in a terminal uses
// this process's streams and opens the workspace file itself; a command forwarded to a running server (see
// control/) runs inside the server, with the client's streams, working directory and environment, and gets
// a connection to the workspace the server already holds. Commands ask this module, never `process`, so
// both work the same way.
import { AsyncLocalStorage } from 'node:async_hooks';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { type AuditActor, commandLineActor } from '../data/audit/record-audit.ts';
import { chooseDataset } from '../data/datasets/current-dataset.ts';
import { type OpenOptions, openWorkspace, type Workspace } from '../data/workspace.ts';

export interface CliSession {
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  stderrIsTTY: boolean;
  /** Whether a person can type at standard input (a hidden password prompt needs one). */
  stdinIsTTY: boolean;
  /** The folder relative paths are resolved from: the client's, not the server's. */
  cwd: string;
  /** The environment variables Footprint reads, as the client has them. */
  env: { FOOTPRINT_WORKSPACE?: string; FOOTPRINT_DEBUG?: string };
  /** All of standard input. */
  readStdin(): Promise<Buffer>;
  /** Asks a question on the terminal; hidden answers are not echoed. */
  prompt(question: string, hidden: boolean): Promise<string>;
  /** Opens the workspace folder dir (absolute). The caller closes what it gets. */
  openWorkspace(dir: string, options: OpenOptions): Promise<Workspace>;
  /** Who the audit trail records for changes made by this command. */
  actor: AuditActor;
  /** Set when the command runs inside a server holding this workspace folder. */
  servedDir: string | null;
  /** The exit code of a command that finished without throwing but must report failure (a check that failed). */
  exitCode: number | undefined;
}

/** The session of a command run in this process's own terminal. */
export function terminalSession(): CliSession {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    cwd: process.cwd(),
    env: { FOOTPRINT_WORKSPACE: process.env.FOOTPRINT_WORKSPACE, FOOTPRINT_DEBUG: process.env.FOOTPRINT_DEBUG },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks);
    },
    prompt: (question, hidden) => promptOnTerminal(question, hidden),
    openWorkspace,
    actor: commandLineActor(),
    servedDir: null,
    get exitCode() {
      return typeof process.exitCode === 'number' ? process.exitCode : undefined;
    },
    set exitCode(code) {
      process.exitCode = code;
    },
  };
}

const sessions = new AsyncLocalStorage<CliSession>();
let terminal: CliSession | undefined;

/** The session of the command running now. */
export function cliSession(): CliSession {
  const forwarded = sessions.getStore();
  if (forwarded) return forwarded;
  terminal ??= terminalSession();
  return terminal;
}

/** Runs work (a parse of the command line) in session: every cliSession() under it answers session. */
export function inSession<T>(session: CliSession, work: () => Promise<T>): Promise<T> {
  return sessions.run(session, work);
}

/** The workspace folder: the --workspace option, else FOOTPRINT_WORKSPACE, else ./workspace, from the
 * session's working directory. */
export function cliWorkspaceDir(option?: string): string {
  const session = cliSession();
  return resolve(session.cwd, option ?? session.env.FOOTPRINT_WORKSPACE ?? 'workspace');
}

/** Opens the workspace a command names, through the session (the server's connection when forwarded). With
 * dataset (the command's --dataset), the command's reads rest on that dataset, not the current one. */
export async function openCliWorkspace(
  option: string | undefined,
  options: OpenOptions & { dataset?: string } = {},
): Promise<Workspace> {
  const ws = await cliSession().openWorkspace(cliWorkspaceDir(option), options);
  if (options.dataset === undefined) return ws;
  try {
    await chooseDataset(ws, options.dataset);
  } catch (error) {
    ws.close();
    throw error;
  }
  return ws;
}

/** A file path given on the command line, made absolute from the session's working directory. */
export function cliPath(path: string): string;
export function cliPath(path: string | undefined): string | undefined;
export function cliPath(path: string | undefined): string | undefined {
  return path === undefined ? undefined : resolve(cliSession().cwd, path);
}

/** Makes every file or folder a command was given (an option shown as <file> or <dir>, an argument named
 * file) absolute from the session's working directory before its action runs, so a command forwarded to a
 * server reads and writes the files the person meant. */
export function resolvePathArguments(command: Command): void {
  for (const option of command.options) {
    if (!/<(file|dir)>/.test(option.flags)) continue;
    const value = command.getOptionValue(option.attributeName());
    if (typeof value === 'string') command.setOptionValue(option.attributeName(), cliPath(value));
  }
  command.registeredArguments.forEach((argument, index) => {
    const value = command.processedArgs[index];
    if (argument.name() === 'file' && typeof value === 'string') command.processedArgs[index] = cliPath(value);
  });
}

/** Asks on this process's terminal, without echoing what is typed when hidden. */
export function promptOnTerminal(question: string, hidden: boolean): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolveAnswer) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolveAnswer(answer);
    });
    muted = hidden;
  });
}
