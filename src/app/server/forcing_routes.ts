import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Type, type FastifyPluginAsyncTypebox, type Static } from '@fastify/type-provider-typebox';
import type { BoundsDeg } from '../../core/environment/index.js';
import { SarbridgeError } from '../../core/errors.js';
import { projectPath } from '../../io/project_files.js';
import type { ForcingFileContents, ForcingFileRecord, SarbridgeStore } from '../../io/storage/index.js';
import type { ForcingFile } from '../../io/netcdf/index.js';
import { AccessDeniedError } from '../case_log/index.js';
import { DEMO_FORCING_FILES } from '../case_log/planning_inputs.js';
import { ForcingNotFoundError, RejectedUploadError } from './errors.js';
import type { ForcingAccess } from './forcing_access.js';
import { actorOf } from './request_actor.js';
import { errorResponses } from './schemas.js';

/** Largest forcing upload, bytes (this route only; every other body stays small). */
export const FORCING_UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

/** What a file holds, from the reader's result: quantities, time span, extent, description lines. */
export function forcingContents(file: ForcingFile): ForcingFileContents {
  const fields = Object.values(file.fields);
  const starts = fields.map((f) => f.startS).filter(Number.isFinite);
  const ends = fields.map((f) => f.endS).filter(Number.isFinite);
  const boxes = fields.map((f) => f.bounds).filter((b): b is BoundsDeg => b !== null);
  const iso = (s: number) => new Date(s * 1000).toISOString();
  return {
    quantities: Object.keys(file.fields),
    start: starts.length ? iso(Math.min(...starts)) : null,
    end: ends.length ? iso(Math.max(...ends)) : null,
    bounds: boxes.length ? {
      westDeg: Math.min(...boxes.map((b) => b.westDeg)), southDeg: Math.min(...boxes.map((b) => b.southDeg)),
      eastDeg: Math.max(...boxes.map((b) => b.eastDeg)), northDeg: Math.max(...boxes.map((b) => b.northDeg)),
    } : null,
    description: file.description,
  };
}

/**
 * Open bytes as forcing (NetCDF3 or NetCDF4; loaded on first use: h5wasm takes a moment). A
 * NetCDF4 file that needs h5wasm is read in the reader thread with a deadline (`deadlineMs`, by
 * default 30 s and 1 s per 5 MB), never on the request thread: a corrupt upload h5wasm loops on
 * would otherwise hold every request and live feed of every party for ever.
 */
async function readForcing(name: string, bytes: Uint8Array, deadlineMs?: number): Promise<ForcingFileContents> {
  const { openForcingBytesGuarded } = await import('../../io/netcdf/index.js');
  return forcingContents(await openForcingBytesGuarded(name, bytes, deadlineMs === undefined ? {} : { deadlineMs }));
}

const Contents = Type.Object({
  quantities: Type.Array(Type.String(), { description: "'wind', 'current'" }),
  start: Type.Union([Type.String(), Type.Null()], { description: 'first time covered, UTC (null: no time axis)' }),
  end: Type.Union([Type.String(), Type.Null()]),
  bounds: Type.Union([Type.Object({ westDeg: Type.Number(), southDeg: Type.Number(), eastDeg: Type.Number(), northDeg: Type.Number() }), Type.Null()]),
  description: Type.Array(Type.String(), { description: "the reader's lines: format, the file's title/source (e.g. SYNTHETIC), variables, grid, times, size" }),
});
const ForcingFileView = Type.Object({
  ref: Type.String({ description: "what planning inputs name it by: 'upload:<sha256>' or 'demo:<name>'" }),
  sha256: Type.String(), name: Type.String(), size: Type.Integer(),
  party: Type.Union([Type.String(), Type.Null()], { description: 'who uploaded it first (null: bundled with sarbridge)' }),
  uploadedBy: Type.Union([Type.String(), Type.Null()]), uploadedAt: Type.Union([Type.String(), Type.Null()]),
  synthetic: Type.Boolean({ description: 'the bundled SYNTHETIC demo forcing (never a forecast)' }),
  withheld: Type.Boolean({ description: "withheld from the players (an exercise's truth forcing, uploaded by exercise control with ?withheld=true): only exercise control that may read it is ever told of such a file" }),
  contents: Contents,
});
type View = Static<typeof ForcingFileView>;

const plain = (c: ForcingFileContents): View['contents'] => ({ ...c, quantities: [...c.quantities], description: [...c.description] });
const viewOf = (r: ForcingFileRecord): View => ({ ref: `upload:${r.sha256}`, ...r, synthetic: false, contents: plain(r.contents) });
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/**
 * The bytes of a shared file never change under one reference. The page's service worker keeps
 * an upload only when it comes with exactly this header (src/web/vite.config.ts), so a withheld
 * file, sent `no-store`, stays on no device after its controller signs out.
 */
export const FORCING_IMMUTABLE = 'private, max-age=31536000, immutable';
/** How many times an upload is tried again when another upload of the same bytes changes the store in between. */
const UPLOAD_ATTEMPTS = 5;

/**
 * `/api/forcing`: NetCDF forcing files shared by the users of the server. An upload is read
 * before it is kept (so a bad file fails at once, naming the problem) and stored once by its
 * SHA-256; planning inputs name it `upload:<sha256>`. The bundled SYNTHETIC demo files are listed
 * and served the same way under `demo:<name>`. Every signed-in user may list and read every
 * file, forcing being environmental data that both parties' browsers need to run the same drift,
 * but a withheld one (issue 9): exercise control uploads an exercise's truth forcing with
 * `?withheld=true`, and to anyone `access` does not let in it does not exist (forcing_access.ts).
 * A user who uploads the same bytes without knowing of it gets what a fresh upload gets (the file
 * read, 201, a record of their own), and the file is theirs and shared from then on: the
 * withheld record is gone, for exercise control too.
 */
export const forcingRoutes: FastifyPluginAsyncTypebox<{ store: SarbridgeStore; access: ForcingAccess; clock: () => Date; uploadDeadlineMs?: number }> = async (app, { store, access, clock, uploadDeadlineMs }) => {
  app.addContentTypeParser(['application/octet-stream', 'application/x-netcdf'], { parseAs: 'buffer', bodyLimit: FORCING_UPLOAD_LIMIT_BYTES }, (_request, body, done) => done(null, body));

  let demo: Promise<{ view: View; path: string }[]> | null = null;
  const demoFiles = () => demo ??= Promise.all(Object.entries(DEMO_FORCING_FILES).map(async ([ref, relative]) => {
    const path = projectPath(relative);
    const bytes = readFileSync(path);
    const name = ref.slice('demo:'.length);
    return {
      path,
      view: { ref, sha256: sha256Of(bytes), name, size: bytes.length, party: null, uploadedBy: null, uploadedAt: null, synthetic: true, withheld: false, contents: plain(await readForcing(name, bytes)) },
    };
  }));

  app.post('/', {
    bodyLimit: FORCING_UPLOAD_LIMIT_BYTES,
    schema: {
      summary: 'Upload a NetCDF forcing file (wind or current), stored once by its SHA-256', tags: ['forcing'],
      description: `Body: the file's bytes as application/octet-stream, at most ${FORCING_UPLOAD_LIMIT_BYTES / 1024 / 1024} MiB. The file is read first ` +
        '(NetCDF3 or NetCDF4/HDF5 with CF wind or current variables); a file that cannot be read is refused with 400 and the reader\'s code and message. ' +
        '201 when stored now, 200 when the same bytes were stored before (the first upload\'s record). ' +
        'With withheld=true (role exercise-control only; anyone else 403) the file is an exercise\'s truth forcing, withheld from the players: listed and served only to ' +
        'exercise control that may read it (its uploader, and the named controllers of an exercise whose controllers include the uploader or whose truth names it), ' +
        'refused in planning inputs and drift runs; to everyone else it does not exist. Bytes of a withheld file uploaded by someone it is withheld from are answered as a fresh upload ' +
        '(read, 201, their record), and the file is theirs and shared from then on, with withheld false, for exercise control too. ' +
        'Exercise control uploading bytes it already knows gets 200 with the record as it is (a shared file stays shared, a withheld one withheld).',
      querystring: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9][A-Za-z0-9._()+ -]*$', description: 'the file name, e.g. wind-20260310.nc' }),
        withheld: Type.Boolean({ default: false, description: "withhold the file from the players: an exercise's truth forcing (role exercise-control)" }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ file: ForcingFileView }), 201: Type.Object({ file: ForcingFileView }), ...errorResponses(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { name, withheld } = request.query;
    if (withheld && !actor.roles.includes('exercise-control')) {
      throw new AccessDeniedError('role', `a withheld upload (an exercise's truth forcing, kept from the players) needs role exercise-control; ${actor.userName} holds ${actor.roles.join(', ') || '(none)'}`);
    }
    const body = request.body;
    const bytes = Buffer.isBuffer(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array(0);
    const sha256 = sha256Of(bytes);
    let { stored, seen } = await access.lookUp(actor, sha256);
    if (stored && seen) return reply.code(200).send({ file: viewOf(stored) });
    // unknown to the actor (none stored, or one withheld from them): read and kept as a fresh upload is, whatever the store holds
    let contents: ForcingFileContents;
    try {
      contents = await readForcing(name, bytes, uploadDeadlineMs);
    } catch (error) {
      if (error instanceof SarbridgeError) throw new RejectedUploadError(error);
      throw error;
    }
    const record: ForcingFileRecord = { sha256, name, size: bytes.length, party: actor.party, uploadedBy: actor.userName, uploadedAt: clock().toISOString(), contents, withheld };
    // the admins of the uploader's party read the audit log: a withheld file is not named there, nor its SHA-256
    const detail = withheld ? 'a forcing file withheld from the players' : `forcing '${name}' (${bytes.length} bytes, sha256 ${sha256})`;
    for (let attempt = 0; attempt < UPLOAD_ATTEMPTS; attempt++) {
      // a withheld file the actor may not know of is taken over: their record, shared, as a fresh upload makes it
      if (stored ? await store.takeOverWithheldForcingFile(record, bytes) : await store.saveForcingFile(record, bytes)) {
        request.auditDetail = detail;
        return reply.code(201).send({ file: viewOf(record) });
      }
      // another upload of these bytes came in between
      ({ stored, seen } = await access.lookUp(actor, sha256));
      if (stored && seen) {
        request.auditDetail = `${detail} was stored already`;
        return reply.code(200).send({ file: viewOf(stored) });
      }
    }
    throw new Error(`forcing upload sha256 ${sha256}: other uploads of the same bytes changed the store ${UPLOAD_ATTEMPTS} times in between`);
  });

  app.get('/', {
    schema: {
      summary: 'Forcing files: the bundled SYNTHETIC demo files, then the uploads, newest first', tags: ['forcing'],
      description: 'A withheld file (an exercise\'s truth forcing) is listed only to exercise control that may read it (see POST), with withheld true.',
      response: { 200: Type.Object({ files: Type.Array(ForcingFileView) }), ...errorResponses(401) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    return { files: [...(await demoFiles()).map((d) => d.view), ...(await access.list(actor)).map(viewOf)] };
  });

  app.get('/:ref', {
    schema: {
      summary: "A forcing file's bytes (application/x-netcdf), by SHA-256, 'upload:<sha256>' or 'demo:<name>'", tags: ['forcing'],
      description: 'The bytes never change under one reference, so the answer may be cached for good; a withheld file\'s (served only to exercise control that may read it) ' +
        'comes with Cache-Control no-store. A withheld file answers anyone else 404 as an unknown reference does.',
      params: Type.Object({ ref: Type.String({ pattern: '^(upload:)?[0-9a-f]{64}$|^demo:[A-Za-z0-9._-]+$' }) }),
      response: { 200: Type.Unknown({ description: 'the NetCDF bytes' }), ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { ref } = request.params;
    let bytes: Uint8Array | null;
    let name: string;
    let withheld = false;
    if (ref.startsWith('demo:')) {
      const found = (await demoFiles()).find((d) => d.view.ref === ref);
      bytes = found ? readFileSync(found.path) : null;
      name = ref.slice('demo:'.length);
    } else {
      const sha256 = ref.replace(/^upload:/, '');
      const record = await access.find(actor, sha256);
      bytes = record ? await store.readForcingBytes(sha256) : null;
      name = record?.name ?? '';
      withheld = record?.withheld ?? false;
    }
    if (!bytes) {
      throw new ForcingNotFoundError(ref);
    }
    return reply
      .header('content-type', 'application/x-netcdf')
      .header('cache-control', withheld ? 'no-store' : FORCING_IMMUTABLE)
      .header('content-disposition', `attachment; filename="${name.replace(/"/g, '')}"`)
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
};
