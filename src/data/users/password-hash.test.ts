import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password-hash.ts';

describe('password hashes', () => {
  it('are not the password, differ for the same password (salt) and verify only the right password', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).not.toContain('correct horse');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery staplE', a)).toBe(false);
  });

  it('never match a malformed or tampered hash', async () => {
    const good = await hashPassword('a long enough password');
    expect(await verifyPassword('a long enough password', 'plain')).toBe(false);
    expect(await verifyPassword('a long enough password', good.replace('scrypt$32768', 'scrypt$1099511627776'))).toBe(
      false,
    );
    expect(await verifyPassword('a long enough password', `${good.slice(0, -4)}AAA=`)).toBe(false);
  });

  it('generated passwords are 20 characters without look-alikes', () => {
    const passwords = Array.from({ length: 50 }, generatePassword);
    for (const p of passwords) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(new Set(passwords).size).toBe(50);
  });
});
