import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/http.js';
import { translate, type Language, type MessageKey, type MessageValues } from './dictionary.js';
import { problemWords, refusalKey, refusalWords } from './refusals.js';

const tr = (language: Language) => (key: MessageKey, values?: MessageValues) => translate(language, key, values);

/**
 * The codes docs/errors.md lists in the first column of its tables, except the page's own table
 * (the codes the browser application raises itself, never sent by the server).
 */
function documentedServerCodes(): string[] {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const [server] = doc.split('The browser application shows every error');
  const codes = server.split('\n').filter((line) => line.startsWith('| `SARB_')).map((line) => /^\| `(SARB_[A-Z_]+)`/.exec(line)![1]);
  return [...new Set(codes)];
}

describe('server refusals in the reader\'s language', () => {
  test('a version conflict in Korean: the summary first, then the server\'s words verbatim', () => {
    const error = new ApiError(409, 'SARB_VERSION_CONFLICT', "case 'c1' is at version 12, not 9", undefined, 12);
    const words = refusalWords(tr('ko'), error);
    expect(words).toBe("다른 사용자가 먼저 사건을 변경하여 귀하의 변경은 반영되지 않았습니다. 화면에 최신 버전이 표시되어 있으니 확인한 뒤 다시 변경하십시오. 서버 응답 원문: case 'c1' is at version 12, not 9");
  });
  test('an invalid field in Japanese names the field', () => {
    const error = new ApiError(400, 'SARB_INVALID_INPUT', 'body/payload/position/latDeg: must be <= 90', 'body/payload/position/latDeg');
    const words = refusalWords(tr('ja'), error);
    expect(words).toMatch(/^入力した値がサーバーに受け付けられませんでした。/);
    expect(words).toContain('項目：body/payload/position/latDeg');
    expect(words).toContain('body/payload/position/latDeg: must be <= 90');
  });
  test('the storage and access refusals say what to do, in Korean and Japanese', () => {
    const storage = new ApiError(503, 'SARB_STORAGE', 'the database is not available now; retry shortly');
    expect(refusalWords(tr('ko'), storage)).toMatch(/^서버의 데이터베이스가 응답하지 않습니다\..*유실되지 않습니다\..*다시 시도하십시오\. 서버 응답 원문: the database/);
    expect(refusalWords(tr('ja'), storage)).toMatch(/^サーバーのデータベースが応答していません。.*失われていません。/);
    const denied = new ApiError(403, 'SARB_ACCESS_DENIED', "notification 'n1' goes to jp-rcc of JP: only JP may acknowledge it, not KR");
    expect(refusalWords(tr('ja'), denied)).toMatch(/^あなたの役割または所属する当事国には、この操作の権限がありません。.*only JP may acknowledge it, not KR$/);
  });
  test('a held plan keeps its own words (the list of notifications follows it)', () => {
    const error = new ApiError(409, 'SARB_PLAN_NOT_ISSUABLE', 'plan P1 awaits 1 notification');
    expect(refusalWords(tr('en'), error)).toBe('The agreement holds this plan back until its notifications are acknowledged. (plan P1 awaits 1 notification)');
  });
  test('an unknown code gets the generic words, with the server\'s detail', () => {
    const error = new ApiError(502, 'HTTP_502', 'Bad Gateway');
    expect(refusalKey(error.code)).toBeUndefined();
    expect(refusalWords(tr('ko'), error)).toBe(translate('ko', 'error.server', { message: 'Bad Gateway' }));
  });
  test('every server code of docs/errors.md has a summary (a new code without one fails here)', () => {
    const codes = documentedServerCodes();
    expect(codes.length).toBeGreaterThan(30);
    expect(codes).toContain('SARB_DRIFT_QUEUE_FULL');
    expect(codes).not.toContain('SARB_NETWORK');
    expect(codes.filter((code) => refusalKey(code) === undefined)).toEqual([]);
  });
});

describe('the page\'s own problems in the reader\'s language', () => {
  test('a drift the forcing does not cover, in Korean: the summary, then the core\'s detail', () => {
    const words = problemWords(tr('ko'), 'SARB_TIME_NOT_COVERED', 'wind: the run 2026-03-10T06:00Z..2026-03-11T06:00Z is outside the sources');
    expect(words).toBe('바람·해류 자료가 표류 계산 기간을 포함하지 않습니다. 해당 기간의 자료를 사용하거나 입력한 시각을 확인하십시오. 상세: wind: the run 2026-03-10T06:00Z..2026-03-11T06:00Z is outside the sources');
  });
  test('a code without a summary keeps the detail alone', () => {
    expect(problemWords(tr('ja'), 'SARB_PAGE', 'something broke')).toBe('something broke');
  });
  test('every core code a drift or plan raises in the Worker has a summary', () => {
    for (const code of ['SARB_INVALID_INPUT', 'SARB_DATA_FILE', 'SARB_FORCING_FILE', 'SARB_TIME_NOT_COVERED', 'SARB_SPACE_NOT_COVERED', 'SARB_VARIABLE_NOT_COVERED', 'SARB_UNKNOWN_OBJECT_CLASS', 'SARB_NO_DRIFT']) {
      for (const language of ['en', 'ko', 'ja'] as const) expect(problemWords(tr(language), code, 'D'), `${language} ${code}`).toMatch(/^.{20,}D$/);
    }
  });
});
