/**
 * Controllers follow an exercise's control stream live (docs/exercises.md): only named controllers
 * may subscribe (everyone else: the answer for a case that does not exist), and a controller the
 * director removes has their open feed closed at once, at the event that removes them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { SarbridgeApp } from './app.js';
import { exerciseApp } from './exercise_test_support.js';

const CASE = 'sarex-1';
const CONTROL = `${CASE}.control`;
let app: SarbridgeApp;
let auth: (user: string) => { authorization: string };
let tokens: Record<string, string>;
let base: string;

const controlVersion = async () => (await app.inject({ method: 'GET', url: `/api/exercises/${CASE}/control`, headers: auth('lee') })).json().state.version as number;
const command = async (user: string, type: string, payload: object) => {
  const res = await app.inject({ method: 'POST', url: `/api/exercises/${CASE}/control`, headers: auth(user), payload: { basedOnVersion: await controlVersion(), type, payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().event.version as number;
};

interface Feed { status: number; messages: { kind: string; version?: number; event?: { version: number; type: string } }[]; closed: Promise<{ code: number; reason: string }>; socket?: WebSocket }
const open = (user: string, afterVersion = 0) => new Promise<Feed>((resolve) => {
  const socket = new WebSocket(`ws://${base}/api/cases/${CONTROL}/live?afterVersion=${afterVersion}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
  const messages: Feed['messages'] = [];
  const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: String(reason) })));
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  socket.once('upgrade', () => resolve({ status: 101, messages, closed, socket }));
  socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, messages, closed }));
});
/** Wait until the feed has received the event of `version` (or the live marker at it). */
const until = async (feed: Feed, test: (m: Feed['messages'][number]) => boolean) => { while (!feed.messages.some(test)) await new Promise((r) => setTimeout(r, 5)); };
const eventAt = (version: number) => (m: Feed['messages'][number]) => m.kind === 'event' && m.event!.version === version;

beforeAll(async () => {
  ({ app, auth, tokens } = await exerciseApp('2026-03-10T07:30:00.000Z'));
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `127.0.0.1:${(app.server.address() as { port: number }).port}`;
  expect((await app.inject({ method: 'POST', url: '/api/exercises', headers: auth('lee'), payload: { programmeItemId: 'sarex-1' } })).statusCode).toBe(201);
  await command('lee', 'controllersSet', { controllers: ['tanaka'] });
});
afterAll(async () => { await app.close(); });

describe('the control stream live', () => {
  test('named controllers follow it; anyone else is answered as for a missing case', async () => {
    for (const user of ['yoon', 'kim', 'sato', 'min']) {
      const refused = await open(user);
      expect(refused.status, user).toBe(404);
    }
    const feed = await open('tanaka');
    expect(feed.status).toBe(101);
    await until(feed, (m) => m.kind === 'live');
    const v = await command('lee', 'lessonEntered', { text: 'relay slow' });
    await until(feed, eventAt(v));
    expect(feed.messages.filter((m) => m.kind === 'event').map((m) => m.event!.type)).toEqual(['controlOpened', 'controllersSet', 'lessonEntered']);
    feed.socket!.close();
  });

  test('a controller removed by the director has their open feed closed at once, at the removal; named again, they follow it again', async () => {
    const tanaka = await open('tanaka');
    const lee = await open('lee');
    await until(tanaka, (m) => m.kind === 'live');
    await until(lee, (m) => m.kind === 'live');
    const removal = await command('lee', 'controllersSet', { controllers: [] });
    // closed with the words of a case that does not exist, and the event that removed them never sent
    expect(await tanaka.closed).toEqual({ code: 4404, reason: `case '${CONTROL}' does not exist` });
    expect(tanaka.messages.some(eventAt(removal))).toBe(false);
    // the director's feed goes on
    await until(lee, eventAt(removal));
    const lesson = await command('lee', 'lessonEntered', { text: 'after the removal' });
    await until(lee, eventAt(lesson));
    expect(tanaka.messages.some(eventAt(lesson))).toBe(false);
    expect((await open('tanaka')).status).toBe(404);
    // named again: a feed from 0 reads the whole stream, the old removal included, and stays open
    const back = await command('lee', 'controllersSet', { controllers: ['tanaka'] });
    const again = await open('tanaka');
    expect(again.status).toBe(101);
    await until(again, eventAt(back));
    expect(again.messages.some(eventAt(removal))).toBe(true);
    const later = await command('tanaka', 'lessonEntered', { text: 'back at the table' });
    await until(again, eventAt(later));
    expect(again.socket!.readyState).toBe(WebSocket.OPEN);
    again.socket!.close();
    lee.socket!.close();
  });
});
