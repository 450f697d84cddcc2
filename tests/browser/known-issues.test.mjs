// Known defects found by these tests, kept as node:test `todo` tests: they run and report, but do not
// fail the run. When one starts passing, drop its todo option so it guards against regressions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, login, openBrowser } from './lib.mjs';

// Visible boxes with role=alert/status and no text: the template renders the message element even when
// there is no message, and .error/.ok have padding, border and background, so an empty pink box shows.
async function emptyMessageBoxes(page) {
  return page.evaluate(() => [...document.querySelectorAll('main [role=alert], main [role=status]')]
    .filter((el) => el.textContent.trim() === '' && el.getBoundingClientRect().height > 0)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}`));
}

test('login page shows no empty error box before any attempt', {
  todo: 'login.mustache renders <p class="error" role="alert"></p> unconditionally: an empty pink box',
}, async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await page.goto('/login');
  assert.deepEqual(await emptyMessageBoxes(page), []);
});

test('/admin/users shows no messages when merely opened', {
  todo: 'users page shows an empty .error box and "已创建用户 。" (with no name) on a plain GET',
}, async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.admin');
  await page.goto('/admin/users');
  assert.deepEqual(await emptyMessageBoxes(page), []);
  assert.equal(await page.locator('main .ok').count(), 0,
    `unexpected status message: ${await page.locator('main .ok').allInnerTexts()}`);
});

test('/admin/password shows no empty error box when opened', {
  todo: 'password.mustache renders an empty <p class="error" role="alert"></p>',
}, async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  await page.goto('/admin/password');
  assert.deepEqual(await emptyMessageBoxes(page), []);
});

test('breadcrumbs end with the current unit, without a trailing separator', {
  todo: 'crumbs print " › " after every item, including the last (磁钟乡 ›), and link the current page',
}, async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await page.goto('/agencies/4');
  const crumbs = page.locator('nav.crumbs');
  const text = (await crumbs.innerText()).trim();
  assert.ok(!text.endsWith('›'), `breadcrumb ends with a separator: "${text}"`);
  assert.equal(await crumbs.locator('[aria-current="page"]').count(), 1, 'current unit marked aria-current');
});
