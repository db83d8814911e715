// Every error code in the registry is explained in docs/errors.md, and the page lists no code the
// registry does not have.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/core/errors.ts';

const page = readFileSync(join(import.meta.dirname, '..', 'docs', 'errors.md'), 'utf8');

describe('docs/errors.md', () => {
  it('documents every error code in the registry', () => {
    const missing = Object.keys(ERROR_CODES).filter((code) => !page.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('lists no code that the registry lacks', () => {
    const listed = [...page.matchAll(/`(FP_[A-Z0-9_]+)`/g)].map((m) => m[1]!);
    const unknown = listed.filter((code) => !(code in ERROR_CODES));
    expect(unknown).toEqual([]);
  });
});
