// Regression tests for defects these browser tests found (and that were then fixed in the templates):
// empty message boxes, a bogus "已创建用户 。" notice, breadcrumbs ending in a separator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, login, openBrowser } from './lib.mjs';

// Visible boxes with role=alert/status and no text (.error/.ok have padding, border and background, so an
// empty message element shows as an empty pink or green box).
async function emptyMessageBoxes(page) {
  return page.evaluate(() => [...document.querySelectorAll('main [role=alert], main [role=status]')]
    .filter((el) => el.textContent.trim() === '' && el.getBoundingClientRect().height > 0)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}`));
}

test('login page shows no empty error box before any attempt', async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await page.goto('/login');
  assert.deepEqual(await emptyMessageBoxes(page), []);
});

test('/admin/users shows no messages when merely opened', async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.admin');
  await page.goto('/admin/users');
  assert.deepEqual(await emptyMessageBoxes(page), []);
  assert.equal(await page.locator('main .ok').count(), 0,
    `unexpected status message: ${await page.locator('main .ok').allInnerTexts()}`);
});

test('/admin/password shows no empty error box when opened', async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  await page.goto('/admin/password');
  assert.deepEqual(await emptyMessageBoxes(page), []);
});

test('breadcrumbs end with the current unit, without a trailing separator', async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await page.goto('/agencies/4');
  const crumbs = page.locator('nav.crumbs');
  const text = (await crumbs.innerText()).trim();
  assert.ok(!text.endsWith('›'), `breadcrumb ends with a separator: "${text}"`);
  assert.equal(await crumbs.locator('[aria-current="page"]').count(), 1, 'current unit marked aria-current');
});
