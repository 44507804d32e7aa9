import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt cost parameters (RFC 7914). The OWASP password storage cheat sheet gives N = 2^17, r = 8,
 * p = 1 (128 MiB) and, as equivalent in the defence they provide, N = 2^16/p = 2, N = 2^15/p = 3
 * (32 MiB), N = 2^14/p = 5, N = 2^13/p = 10. We take N = 2^15, r = 8, p = 3: the same work, a
 * quarter of the memory (the p passes run one after another), so the sign-ins the server hashes at
 * once cost 32 MiB each instead of 128 (24 concurrent wrong logins grew the server by 512 MiB).
 * Hashes record their parameters; older ones still verify and are replaced at the next sign-in.
 * (needsRehash).
 * Node's crypto.scrypt is OpenSSL's implementation: a vetted library, not hand-written.
 */
export const SCRYPT_PARAMETERS = { N: 2 ** 15, r: 8, p: 3, keyLength: 32, saltLength: 16 } as const;

/** The shortest password accepted, in characters (NIST SP 800-63B asks for at least 8; we ask 12). */
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  // OpenSSL needs 128·N·r for V plus 128·r·p for B; allow twice that
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 256 * r * p };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Hash a password with a fresh random salt: `scrypt$N$r$p$salt$hash` (base64). */
export async function hashPassword(password: string, parameters: { N: number; r: number; p: number } = SCRYPT_PARAMETERS): Promise<string> {
  const salt = randomBytes(SCRYPT_PARAMETERS.saltLength);
  const key = await derive(password, salt, parameters.N, parameters.r, parameters.p, SCRYPT_PARAMETERS.keyLength);
  return ['scrypt', parameters.N, parameters.r, parameters.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Does `password` match the stored hash? Compared in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64');
  const key = await derive(password, Buffer.from(saltText, 'base64'), Number(n), Number(r), Number(p), expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * Should this hash be replaced at the next sign-in: made with more memory than SCRYPT_PARAMETERS
 * take (N = 2^17, p = 1: 128 MiB per verification)? A cheaper one (tests) is left alone.
 */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r] = stored.split('$');
  return scheme === 'scrypt' && Number(n) * Number(r) > SCRYPT_PARAMETERS.N * SCRYPT_PARAMETERS.r;
}
