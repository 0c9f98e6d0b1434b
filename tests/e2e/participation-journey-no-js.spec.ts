import { test } from '@playwright/test';
import { organisationJourney } from './participation-journey.ts';

// Issue 12's journey with JavaScript turned off (this file runs in the project with javaScriptEnabled: false, see
// playwright.config.ts): every step is a plain form. The organisation joins the Tavolo Tematico Minori e Famiglie and
// follows its proposal to objective M (support to caregivers) and its measured indicator.
test('without JavaScript: a third-sector organisation applies, is admitted, confirms a meeting, answers a questionnaire, submits a proposal and follows it to an objective’s latest result', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await organisationJourney(browser, {
    javaScriptEnabled: false,
    table: 'Tavolo Tematico Minori e Famiglie',
    objective: { code: 'M', title: 'Sostegno ai caregiver', indicator: 'IMP-1' },
    codePrefix: '6',
    value: '17',
  });
});
