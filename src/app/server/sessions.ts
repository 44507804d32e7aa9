import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Role } from '../case_log/index.js';
import type { SarbridgeStore } from '../../io/storage/index.js';
import { NotAuthenticatedError } from './errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** Name of the session cookie (HttpOnly, Secure, SameSite=Strict). */
export const SESSION_COOKIE = 'sarbridge_session';
/** How long a session lasts: one 12-hour watch. */
export const SESSION_LIFETIME_S = 12 * 3600;

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A hash to compare against when the user does not exist, so both paths cost one scrypt. */
let decoyHash: Promise<string> | undefined;

/**
 * Logins and sessions: a session is a random 256-bit token given to the client once (as a bearer
 * token and a cookie); the store keeps only its SHA-256.
 */
export class Sessions {
  constructor(private readonly store: SarbridgeStore, private readonly clock: () => Date = () => new Date()) {}

  /** Check the password and open a session; the same refusal for an unknown user and a wrong password. */
  async login(userName: string, password: string): Promise<{ token: string; actor: Actor; expiresAt: string }> {
    const user = await this.store.findUser(userName);
    const ok = await verifyPassword(password, user?.passwordHash ?? await (decoyHash ??= hashPassword('decoy password for timing')));
    if (!user || !ok) throw new NotAuthenticatedError('userName/password: unknown user or wrong password');
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_S * 1000).toISOString();
    await this.store.createSession({ tokenHash: sha256(token), userName, createdAt: now.toISOString(), expiresAt });
    return { token, actor: { userName, party: user.party, roles: user.roles as Role[] }, expiresAt };
  }

  /** The actor a token belongs to, or null when unknown or expired. */
  async resolve(token: string): Promise<Actor | null> {
    const session = await this.store.findSession(sha256(token));
    if (!session || Date.parse(session.expiresAt) <= this.clock().getTime()) return null;
    const user = await this.store.findUser(session.userName);
    return user ? { userName: user.userName, party: user.party, roles: user.roles as Role[] } : null;
  }

  /** End a session. */
  async logout(token: string): Promise<void> {
    await this.store.deleteSession(sha256(token));
  }
}

/** The session token of a request: `Authorization: Bearer …` or the session cookie. */
export function tokenOf(headers: { authorization?: string; cookie?: string }): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length) return value.join('=');
  }
  return null;
}
