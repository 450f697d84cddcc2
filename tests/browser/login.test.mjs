// Login flow: portal → 工作人员登录 → /admin → 退出 → portal; wrong password stays on the login page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_PASSWORD, DESKTOP, PHONE, horizontalOverflow, openBrowser, overflowingElements, screenshot,
} from './lib.mjs';

async function loginFromPortal(page, username, password) {
  await page.goto('/');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/login'),
    page.getByRole('link', { name: '工作人员登录' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: '工作人员登录' }).waitFor();
  // The username field has autofocus.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'username');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('clerk logs in, sees the back office of 磁钟乡, logs out', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await loginFromPortal(page, 'cizhong.clerk', DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/admin');
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
  const lead = await page.locator('main p.lead').innerText();
  assert.match(lead, /当前单位：三门峡市湖滨区磁钟乡人民政府/);
  const who = page.locator('header .who');
  assert.equal((await who.innerText()).trim(), '王晓敏（公开专员）');
  // The clerk's own unit: office and leading group.
  assert.match(await page.locator('section[aria-labelledby="unit-h"]').innerText(), /党政综合办公室/);
  await screenshot(page, 'login-admin-desktop');

  // Logout is a POST form button in the header; it returns to the portal.
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.getByRole('button', { name: '退出' }).click(),
  ]);
  await page.getByRole('link', { name: '工作人员登录' }).waitFor();
  assert.equal(await page.locator('header .who').count(), 0, 'no user shown after logout');

  // The session is gone: /admin redirects to the login page.
  await page.goto('/admin');
  const url = new URL(page.url());
  assert.equal(url.pathname, '/login');
  assert.equal(url.searchParams.get('next'), '/admin');
  await page.getByRole('heading', { level: 1, name: '工作人员登录' }).waitFor();
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

test('wrong password shows 用户名或密码错误 and stays on the login page', async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await loginFromPortal(page, 'cizhong.leader', 'not-the-password');
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: '用户名或密码错误' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  await page.getByRole('heading', { level: 1, name: '工作人员登录' }).waitFor();
  // The password is never echoed back; the username is kept for the retry.
  assert.equal(await page.getByLabel('密码', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('用户名').inputValue(), 'cizhong.leader');
  await screenshot(page, 'login-wrong-password-desktop');

  // Still not logged in.
  await page.goto('/admin');
  assert.equal(new URL(page.url()).pathname, '/login');
});

test('phone: login page and back office fit the screen', async (t) => {
  const { page } = await openBrowser(t, PHONE);
  await page.goto('/login');
  assert.ok(await horizontalOverflow(page) <= 0, `login page overflows: ${await overflowingElements(page)}`);
  await screenshot(page, 'login-form-phone');
  await page.getByLabel('用户名').fill('cizhong.clerk');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin'),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
  assert.ok(await horizontalOverflow(page) <= 0, `/admin overflows on a phone: ${await overflowingElements(page)}`);
  await screenshot(page, 'login-admin-phone');
});
