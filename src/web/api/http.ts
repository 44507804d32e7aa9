/**
 * The server's HTTP API as the page uses it: JSON in and out, the session in its cookie, and two
 * kinds of failure a coordinator must tell apart: the server refused (ApiError, with the stable
 * code and field of docs/errors.md) or the server could not be reached (NetworkError: work on).
 */

/** The server answered with an error (docs/errors.md). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly currentVersion?: number,
  ) {
    super(message);
  }
}

/** The server could not be reached (no network, server stopped, timeout). */
export class NetworkError extends Error {}

/** How long a request may take before the link counts as lost, ms. */
const TIMEOUT_MS = 20_000;

/** Call the API: `method path` with an optional JSON body; the parsed JSON answer, or throws. */
export async function api<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  let response: Response;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined || body instanceof ArrayBuffer || body instanceof Blob ? init.headers : { 'content-type': 'application/json', ...init.headers },
      body: body === undefined ? undefined : body instanceof ArrayBuffer || body instanceof Blob ? body : JSON.stringify(body),
      signal: controller.signal,
      ...init,
    });
  } catch (error) {
    throw new NetworkError(`${method} ${path}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = undefined;
  try { json = text ? JSON.parse(text) : undefined; } catch { /* not JSON: a proxy page, a stopped service worker */ }
  if (!response.ok) {
    const e = (json ?? {}) as { code?: string; message?: string; field?: string; currentVersion?: number };
    // a gateway or the service worker answering for a dead server is a lost link, not a refusal
    if (response.status >= 502 && !e.code) throw new NetworkError(`${method} ${path}: HTTP ${response.status}`);
    throw new ApiError(response.status, e.code ?? `HTTP_${response.status}`, e.message ?? (text.slice(0, 200) || response.statusText), e.field, e.currentVersion);
  }
  return json as T;
}
