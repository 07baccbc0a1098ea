import { createHash, randomBytes } from 'node:crypto';

/** A new random bearer secret (256 bits), e.g. a session or an API token. */
export const newToken = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/** What is stored of a token: its SHA-256 (tokens are random, so no salt or slow hash is needed). */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
