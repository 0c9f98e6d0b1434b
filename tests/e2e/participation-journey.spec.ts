import { test } from '@playwright/test';
import { organisationJourney } from './participation-journey.ts';

// Issue 12's journey with JavaScript on: a new organisation joins the Tavolo Tematico Anziani through the public call
// and follows its proposal to objective E (healthy lifestyles for the elderly) and its measured indicator.
test('a third-sector organisation applies, is admitted, confirms a meeting, answers a questionnaire, submits a proposal and follows it to an objective’s latest result', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await organisationJourney(browser, {
    javaScriptEnabled: true,
    table: 'Tavolo Tematico Anziani',
    objective: { code: 'E', title: 'Adozione di corretti stili di vita per gli anziani', indicator: 'IMP-1' },
    codePrefix: '7',
    value: '42',
  });
});
