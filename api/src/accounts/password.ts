import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

// Password hashes belong to the account (stored with it); auth verifies sign-ins with them.

/** argon2id with the library's defaults (OWASP-level memory and time cost). */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// A hash of a random password, verified against when the e-mail is unknown, so that the
// answer takes as long as for a known account (no e-mail enumeration by timing).
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword(randomBytes(32).toString('base64url')));
