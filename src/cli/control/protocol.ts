// The control channel between the `footprint` command line and a running server of the same workspace: a
// Unix socket inside the workspace folder, in a folder only the machine user who started the server can
// open (0700; the socket itself 0600). Reaching the socket is the authentication: whoever can is the
// machine's own user, who could equally open the workspace file. Frames are lines of JSON; bytes travel
// as base64.
import { join } from 'node:path';

/** The folder holding the socket, inside the workspace folder. */
export function controlDir(workspaceDir: string): string {
  return join(workspaceDir, 'control');
}

export function controlSocketPath(workspaceDir: string): string {
  return join(controlDir(workspaceDir), 'cli.sock');
}

/** What the command line sends: first `run`, then answers to what the server asks for. */
export type ClientFrame =
  | {
      type: 'run';
      /** The arguments after `footprint`. */
      argv: string[];
      cwd: string;
      env: { FOOTPRINT_WORKSPACE?: string; FOOTPRINT_DEBUG?: string };
      stdinIsTTY: boolean;
    }
  | { type: 'stdin'; data: string }
  | { type: 'answer'; id: number; text: string };

/** What the server sends back: output as it is written, requests for input, and the exit code last. */
export type ServerFrame =
  | { type: 'stdout' | 'stderr'; data: string }
  | { type: 'stdin' }
  | { type: 'prompt'; id: number; question: string; hidden: boolean }
  | { type: 'exit'; code: number };

/** Verbs that make or serve a workspace: meaningless beside a server that already holds it. */
export const NOT_FORWARDED = ['init', 'serve', 'start'] as const;

export function encodeFrame(frame: ClientFrame | ServerFrame): string {
  return `${JSON.stringify(frame)}\n`;
}

/** Splits a byte stream into frames (lines of JSON). */
export function frameReader<T>(onFrame: (frame: T) => void): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk.toString('utf8');
    let end = pending.indexOf('\n');
    while (end >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (line) onFrame(JSON.parse(line) as T);
      end = pending.indexOf('\n');
    }
  };
}
