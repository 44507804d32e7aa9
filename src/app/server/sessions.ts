import { createHash, randomBytes } from 'node:crypto';
import { AccessDeniedError, type Actor, type Role } from '../case_log/index.js';
import type { SarbridgeStore } from '../../io/storage/index.js';
import { NotAuthenticatedError, TooManyLoginsError } from './errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** Name of the session cookie (HttpOnly, Secure, SameSite=Strict). */
export const SESSION_COOKIE = 'sarbridge_session';
/** How long a session lasts: one 12-hour watch. */
export const SESSION_LIFETIME_S = 12 * 3600;

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Failed logins allowed per user name within LOGIN_WINDOW_S before further tries are refused (per server instance). */
export const MAX_FAILED_LOGINS = 5;
export const LOGIN_WINDOW_S = 15 * 60;

/** A hash to compare against when the user does not exist, so both paths cost one scrypt. */
let decoyHash: Promise<string> | undefined;

/**
 * Logins and sessions: a session is a random 256-bit token given to the client once (as a bearer
 * token and a cookie); the store keeps only its SHA-256.
 */
export class Sessions {
  private readonly failures = new Map<string, { count: number; firstMs: number }>();
  /** Who wants to know when a session ends (live connections), by token hash; this instance only. */
  private readonly watchers = new Map<string, Set<() => void>>();

  constructor(private readonly store: SarbridgeStore, private readonly clock: () => Date = () => new Date()) {}

  /** Check the password and open a session; the same refusal for an unknown user and a wrong password. */
  async login(userName: string, password: string): Promise<{ token: string; actor: Actor; expiresAt: string }> {
    const nowMs = this.clock().getTime();
    const failed = this.failures.get(userName);
    if (failed && nowMs - failed.firstMs >= LOGIN_WINDOW_S * 1000) this.failures.delete(userName);
    else if (failed && failed.count >= MAX_FAILED_LOGINS) {
      throw new TooManyLoginsError(userName, Math.ceil((failed.firstMs + LOGIN_WINDOW_S * 1000 - nowMs) / 1000));
    }
    const user = await this.store.findUser(userName);
    const ok = await verifyPassword(password, user?.passwordHash ?? await (decoyHash ??= hashPassword('decoy password for timing')));
    if (!user || !ok) {
      const entry = this.failures.get(userName) ?? { count: 0, firstMs: nowMs };
      entry.count++;
      this.failures.set(userName, entry);
      throw new NotAuthenticatedError('userName/password: unknown user or wrong password');
    }
    // said only to whom gave the right password
    if (user.disabledAt) throw new AccessDeniedError('role', `userName: the account '${userName}' is disabled; an administrator of ${user.party} can enable it`);
    this.failures.delete(userName);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_S * 1000).toISOString();
    await this.store.createSession({ tokenHash: sha256(token), userName, createdAt: now.toISOString(), expiresAt });
    return { token, actor: { userName, party: user.party, roles: user.roles as Role[] }, expiresAt };
  }

  /** The actor a token belongs to and when the session ends (ms since epoch), or null when unknown or expired. */
  async resolve(token: string): Promise<{ actor: Actor; expiresAtMs: number } | null> {
    const session = await this.store.findSession(sha256(token));
    const expiresAtMs = session ? Date.parse(session.expiresAt) : 0;
    if (!session || expiresAtMs <= this.clock().getTime()) return null;
    const user = await this.store.findUser(session.userName);
    return user && !user.disabledAt ? { actor: { userName: user.userName, party: user.party, roles: user.roles as Role[] }, expiresAtMs } : null;
  }

  /** End a session; what watches it on this instance hears at once (other instances on their next check). */
  async logout(token: string): Promise<void> {
    const hash = sha256(token);
    await this.store.deleteSession(hash);
    for (const ended of [...(this.watchers.get(hash) ?? [])]) ended();
    this.watchers.delete(hash);
  }

  /** Call `ended` when the session of `token` is logged out on this instance; returns how to stop watching. */
  watch(token: string, ended: () => void): () => void {
    const hash = sha256(token);
    const set = this.watchers.get(hash) ?? new Set();
    set.add(ended);
    this.watchers.set(hash, set);
    return () => { set.delete(ended); if (set.size === 0) this.watchers.delete(hash); };
  }
}

/** The SHA-256 (as stored) of a request's session token, or null without one. */
export function tokenHashOf(headers: { authorization?: string; cookie?: string }): string | null {
  const token = tokenOf(headers);
  return token === null ? null : sha256(token);
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
