// What the server logs, for an operator: one line of JSON per request (request id, method, route, status,
// time taken, who was signed in) and every unexpected failure with its stack, to stdout and to a file in the
// workspace that rotates by size. Never a password, a cookie, a request body or a row of patient activity:
// requests are logged by route, not by body, and the request serializer keeps only the method and path.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FastifyServerOptions } from 'fastify';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogOptions {
  level: LogLevel;
  /** Where the rotating log file goes; none when absent (stdout only). */
  file?: string;
  /** Where lines go besides the file. Default stdout. */
  stdout?: { write(line: string): unknown };
  /** Rotate when the file would pass this many bytes. Default 10 MiB. */
  maxBytes?: number;
  /** Rotated files kept (footprint.log.1 newest). Default 5. */
  keep?: number;
}

/** An append-only file that, when it would grow past maxBytes, is renamed to file.1 (file.1 to file.2, …, the
 * oldest dropped) and started afresh. Writes are synchronous, as pino's own destination is, so a line is on
 * disk before the process can die of what it reports. */
export class RotatingFile {
  readonly file: string;
  readonly #maxBytes: number;
  readonly #keep: number;
  #fd: number;
  #size: number;

  constructor(file: string, maxBytes: number, keep: number) {
    this.file = file;
    this.#maxBytes = maxBytes;
    this.#keep = keep;
    mkdirSync(dirname(file), { recursive: true });
    this.#fd = openSync(file, 'a', 0o600);
    this.#size = statSync(file).size;
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.#size > 0 && this.#size + bytes > this.#maxBytes) this.#rotate();
    writeSync(this.#fd, line);
    this.#size += bytes;
  }

  #rotate(): void {
    closeSync(this.#fd);
    rmSync(`${this.file}.${this.#keep}`, { force: true });
    for (let n = this.#keep - 1; n >= 1; n--) {
      if (existsSync(`${this.file}.${n}`)) renameSync(`${this.file}.${n}`, `${this.file}.${n + 1}`);
    }
    renameSync(this.file, `${this.file}.1`);
    this.#fd = openSync(this.file, 'a', 0o600);
    this.#size = 0;
  }

  close(): void {
    closeSync(this.#fd);
  }
}

/** Fastify's logger options: pino at the level asked, to stdout and the rotating file. */
export function loggerOptions(options: LogOptions): { logger: FastifyServerOptions['logger']; close: () => void } {
  const stdout = options.stdout ?? process.stdout;
  const file = options.file
    ? new RotatingFile(options.file, options.maxBytes ?? 10 * 1024 * 1024, options.keep ?? 5)
    : null;
  return {
    logger: {
      level: options.level,
      stream: {
        write(line: string) {
          stdout.write(line);
          file?.write(line);
        },
      },
      // Belt and braces: nothing logs headers or bodies, but should anything pass them, these never appear.
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', '*.password', 'body'],
        censor: '[not logged]',
      },
      serializers: {
        req: (request: { method: string; url: string }) => ({
          method: request.method,
          path: request.url.split('?')[0],
        }),
      },
    },
    close: () => file?.close(),
  };
}
