// Disclosure applications (issue 6): the public is told politely when it submits too often. Runs
// after the other application tests (file order): it uses up this address's allowance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, openBrowser, screenshot } from './lib.mjs';
import { VALID_ID, applyPath, fillPerson, stamp } from './applications_lib.mjs';

test('the public is told politely when it submits too often, its input kept', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  const form = await applyPath(page);
  let refused = false;
  for (let i = 0; i < 8 && !refused; ++i) {
    await page.goto(form);
    await fillPerson(page, { name: '周频繁', id: VALID_ID, title: `第${i + 1}份申请（${stamp()}）` });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: '提交申请' }).click(),
    ]);
    await page.waitForLoadState('load');
    refused = response.status() === 429;
  }
  assert.ok(refused, 'the rate limit was never reached');
  assert.match(await page.locator('.error[role="alert"]').innerText(), /提交申请过于频繁/);
  assert.match(await page.getByLabel('所需政府信息的名称').inputValue(), /^第\d份申请/);
  await screenshot(page, 'application-rate-limited-desktop');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed.filter((f) => !f.startsWith('429')), []);
});
