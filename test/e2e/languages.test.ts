// The interface in English, Korean and Japanese: switched per user and remembered; in Korean and
// Japanese no English interface string is left on screen (the plan tab with a plan's results,
// units sent and held) and no `{placeholder}` unfilled (the dictionary's type already refuses a
// missing key at compile time); the agreement's history with sarbridge's words in Korean and the
// record's texts as written; a Korean and a Japanese screenshot kept as artefacts.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { ja } from '../../src/web/i18n/ja.js';
import { ko } from '../../src/web/i18n/ko.js';
import { e2eSuite, KR_USER, openCase, probe, screenshot, signIn, TID, waitForApp, WAIT_MS } from './harness.js';

const suite = e2eSuite();

/** Wait until the page says it is in `language` (<html lang>, set after the render). */
const pageInLanguage = (page: Page, language: string) => page.waitForFunction((l) => document.documentElement.lang === l, language);

/** The page's visible text. */
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

/**
 * English strings of the dictionary that a translated page must not show: those that differ from
 * the translation and are long enough to be words (not "POS", "GPX", a unit or a code), with any
 * `{placeholder}` cut off so the fixed part is looked for.
 */
function englishOnly(other: Readonly<Record<string, string>>): string[] {
  return Object.entries(en)
    .filter(([key, text]) => other[key] !== text)
    .flatMap(([, text]) => text.split(/\{\w+\}/))
    .map((part) => part.trim().replace(/[:.,;…()]+$/, '').trim())
    .filter((part) => part.split(/\s+/).length >= 3 && /[a-z]{3}/.test(part));
}

const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]/;
const KANA = /[\u3040-\u30ff]/;

describe('three languages (end to end, Chromium)', () => {
  test('en → ko → ja on the sign-in page and the open case: translated, no English left, remembered after a reload', async () => {
    const { page } = await suite.open('languages');
    const select = page.getByTestId(TID.langSelect);

    await select.selectOption('ko');
    await pageInLanguage(page, 'ko');
    expect(await visibleText(page)).toMatch(HANGUL);
    await screenshot(page, 'sign-in-ko');

    await select.selectOption('en');
    await signIn(page, KR_USER);
    await openCase(page);

    // a drift and a plan first, so that the plan tab shows its results (the units sent and those
    // held in reserve) in each language, not only its form
    await page.getByTestId(TID.tabPlan).click();
    await page.getByTestId(TID.particleCount).fill('5000');
    const drifts = (await probe(page))!.driftsDone;
    await page.getByTestId(TID.driftRun).click();
    await waitForApp(page, (app, before) => app.driftsDone > (before as number), drifts, WAIT_MS.drift);
    const plans = (await probe(page))!.plansDone;
    await page.getByTestId(TID.planRun).click();
    await waitForApp(page, (app, before) => app.plansDone > (before as number), plans, WAIT_MS.drift);
    const planRows = page.locator(`[data-testid="${TID.planUnitRow}"], [data-testid="${TID.planHeldRow}"]`);
    expect(await planRows.count()).toBeGreaterThan(0);

    for (const [language, dictionary, script] of [['ko', ko, HANGUL], ['ja', ja, KANA]] as const) {
      await select.selectOption(language);
      await pageInLanguage(page, language);
      for (const tab of [TID.tabReport, TID.tabPlan, TID.tabLog, TID.tabAgreement]) {
        await page.getByTestId(tab).click();
        const text = await visibleText(page);
        expect(text, `${language}, ${tab}`).toMatch(script);
        expect(text, `${language}, ${tab}: an unfilled placeholder`).not.toMatch(/\{[a-zA-Z]+\}/);
        const left = englishOnly(dictionary).filter((english) => text.includes(english));
        expect(left, `${language}, ${tab}: English interface strings on a ${language} page`).toEqual([]);
        // words the page composes itself, outside the dictionary's sentences (the log's planning inputs)
        expect(text, `${language}, ${tab}: English words composed by the page`).not.toMatch(/scenario\(s\)|unit\(s\)/);
        if (tab === TID.tabPlan) {
          // every row of the plan (sent or held) is in the language, with its unit named
          for (const row of await planRows.allTextContents()) {
            expect(row, `${language}: a plan row`).toMatch(script);
            expect(row, `${language}: a plan row with empty brackets`).not.toMatch(/\(\s*\)/);
          }
          await planRows.last().scrollIntoViewIfNeeded();
          await screenshot(page, `case-${language}`);
        }
      }
    }

    // remembered for this user: a reload comes back in Japanese
    await page.reload();
    await page.getByTestId(TID.caseTitle).waitFor();
    await pageInLanguage(page, 'ja');
    await expect(select.inputValue()).resolves.toBe('ja');
  }, 600_000);
  test('the agreement\'s history in Korean: sarbridge\'s words in Korean around the record\'s texts as written', async () => {
    const { page } = await suite.open('agreement in Korean');
    await page.getByTestId(TID.langSelect).selectOption('ko');
    await pageInLanguage(page, 'ko');
    await signIn(page, KR_USER);
    await openCase(page);
    await page.getByTestId(TID.tabAgreement).click();
    const meeting = page.locator(`[data-testid="${TID.agreementEntry}"][data-kind="meeting"]`);
    await meeting.waitFor();
    // the meeting of the example agreement: its date not set, expected "within the year" as stated on the report's day
    await expect(meeting.textContent()).resolves.toBe('일자 미정 (예상 시기: within the year (2008-04-28 발언 기준)) · 회의: ' +
      'Annual meeting of the defence ministers (주최: South Korea). 참가자: Defense Minister Shigeru Ishiba (JP); Defense Minister (his South Korean counterpart) (성명 미상, KR). ' +
      '의제: signing of the agreement on military cooperation. 결과: agreement signed (예상). ' +
      '(Defense Ministry spokesman Kim Hyong-ki (실명) (told reporters); Yonhap, SEOUL, April 28 (2008-04-28))');
    const history = (await page.locator(`[data-testid="${TID.agreementEntry}"]`).allTextContents()).join('\n');
    expect(history).toContain('사유: amid tension over');
    expect(history).toContain('approached 독도 to conduct research. 결과: Tokyo called off');
    expect(history).not.toMatch(/Reason:|Outcome:|hosted by|Participants:|as stated on|date not set|name not known|on the record|unnamed/);
    await screenshot(page, 'agreement-ko');
  }, 300_000);
  test('a refusal of the server in Korean: what kind and what to do first, then the server\'s own words and the field', async () => {
    const { page } = await suite.open('refusal in Korean');
    await page.getByTestId(TID.langSelect).selectOption('ko');
    await pageInLanguage(page, 'ko');
    await signIn(page, KR_USER);
    await page.getByTestId(TID.newCase).click();
    // a NUL in a title: the page lets it through, the server refuses it on every store (docs/errors.md)
    await page.getByTestId(TID.newCaseTitle).fill('liferaft\u0000 sighted');
    await page.getByTestId(TID.newCaseParties).fill('KR');
    await page.getByTestId(TID.newCaseSubmit).click();
    const banner = page.getByTestId(TID.errorBanner);
    await banner.waitFor();
    expect(await banner.getAttribute('data-code')).toBe('SARB_INVALID_INPUT');
    await expect(banner.locator('span').textContent()).resolves.toMatch(/^입력한 값을 서버가 받아들이지 않았습니다\. 해당 항목을 고친 뒤 다시 보내십시오\. 항목: body\/title\. 서버 응답 원문: body\/title: \S/);
    await screenshot(page, 'refusal-ko');
  }, 300_000);
});
