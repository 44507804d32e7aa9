import { createHash, randomBytes } from 'node:crypto';
import { AccessDeniedError, type Actor, type Role } from '../case_log/index.js';
import type { SarbridgeStore } from '../../io/storage/index.js';
import { NotAuthenticatedError, ServerBusyError } from './errors.js';
import { DEFAULT_LOGIN_POLICY, FairGate, LoginThrottle, sourceOf, type LoginPolicy } from './login_throttle.js';
import { hashPassword, needsRehash, SCRYPT_PARAMETERS, verifyPassword } from './passwords.js';

/** Name of the session cookie (HttpOnly, Secure, SameSite=Strict). */
export const SESSION_COOKIE = 'sarbridge_session';
/** How long a session lasts: one 12-hour watch. */
export const SESSION_LIFETIME_S = 12 * 3600;
/** How often expired sessions are deleted from the store (also at start). */
export const SESSION_PURGE_MS = 15 * 60 * 1000;

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * A hash to compare against when the user does not exist, so both paths cost one scrypt: made
 * with the parameters of the last account's hash seen (the accounts' hashes cost what it costs),
 * SCRYPT_PARAMETERS until then.
 */
const decoys = new Map<string, Promise<string>>();
function decoyHashLike(stored: string | undefined): Promise<string> {
  const [scheme, n, r, p] = (stored ?? '').split('$');
  const parameters = scheme === 'scrypt' && Number(n) > 1 ? { N: Number(n), r: Number(r), p: Number(p) } : SCRYPT_PARAMETERS;
  const key = `${parameters.N}$${parameters.r}$${parameters.p}`;
  if (!decoys.has(key)) decoys.set(key, hashPassword('decoy password for timing', parameters));
  return decoys.get(key)!;
}

/**
 * Logins and sessions: a session is a random 256-bit token given to the client once (as a bearer
 * token and a cookie); the store keeps only its SHA-256. Sign-ins are throttled by name and source
 * in the store (login_throttle.ts) and their hashing goes through a fair gate.
 */
export class Sessions {
  /** Who wants to know when a session ends (live connections), by token hash; this instance only. */
  private readonly watchers = new Map<string, Set<() => void>>();
  private readonly throttle: LoginThrottle;
  private readonly gate: FairGate;
  private lastHashSeen: string | undefined;

  constructor(private readonly store: SarbridgeStore, private readonly clock: () => Date = () => new Date(), private readonly policy: LoginPolicy = DEFAULT_LOGIN_POLICY) {
    this.throttle = new LoginThrottle(store, policy, clock);
    this.gate = new FairGate(policy.hashConcurrency, policy.queueMax, policy.queuePerSourceMax);
  }

  /**
   * Check the password and open a session; the same refusal for an unknown user and a wrong
   * password. `address` is the peer's (failures count by it as well as by name).
   */
  async login(userName: string, password: string, address?: string): Promise<{ token: string; actor: Actor; expiresAt: string }> {
    const source = sourceOf(address);
    const rank = await this.throttle.check(userName, source).catch(async (error: unknown) => {
      await new Promise((resolve) => setTimeout(resolve, this.policy.refusalDelayMs));
      throw error;
    });
    const { user, ok } = await this.gate.run(source, async () => {
      const found = await this.store.findUser(userName);
      if (found) this.lastHashSeen = found.passwordHash;
      return { user: found, ok: await verifyPassword(password, found?.passwordHash ?? await decoyHashLike(this.lastHashSeen)) };
    }, rank).catch(async (error: unknown) => {
      if (error instanceof ServerBusyError) await this.throttle.refusedBusy(source);
      throw error;
    });
    if (!user || !ok) {
      await this.throttle.failed(userName, source);
      throw new NotAuthenticatedError('userName/password: unknown user or wrong password');
    }
    await this.throttle.succeeded(userName, source);
    // said only to whom gave the right password
    if (user.disabledAt) throw new AccessDeniedError('role', `userName: the account '${userName}' is disabled; an administrator of ${user.party} can enable it`);
    if (needsRehash(user.passwordHash)) {
      // a hash made with older parameters: replace it now that the password is known (once per account)
      await this.store.updateUser(userName, { passwordHash: await this.gate.run(source, () => hashPassword(password), 0) }).catch(() => undefined);
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_S * 1000).toISOString();
    await this.store.createSession({ tokenHash: sha256(token), userName, createdAt: now.toISOString(), expiresAt });
    return { token, actor: { userName, party: user.party, roles: user.roles as Role[] }, expiresAt };
  }

  /**
   * The party of the account named `userName`, or null (no such account, or the store does not
   * answer): a refused sign-in's audit line goes to that party, whose admins then see who tries it.
   */
  async partyOfAccount(userName: string): Promise<string | null> {
    return (await this.store.findUser(userName).catch(() => null))?.party ?? null;
  }

  /** Delete expired sessions and failed sign-ins whose window has passed (at start and periodically); returns the sessions deleted. */
  async purgeExpired(): Promise<number> {
    const now = this.clock();
    await this.store.forgetLoginFailures({ windowStartedBeforeMs: now.getTime() - this.policy.windowS * 1000 });
    return this.store.deleteExpiredSessions(now.toISOString());
  }

  /** Forget the failed sign-ins of a user name (every source), so it can sign in again at once. */
  async unlock(what: { userName: string } | { source: string }): Promise<number> {
    return this.store.forgetLoginFailures('source' in what ? { source: sourceOf(what.source) } : what);
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
