// Admin flow: the unit administrator of 磁钟乡 creates a user through /admin/users.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, login, openBrowser, screenshot } from './lib.mjs';

test('cizhong.admin creates a user, who appears in the table and can log in', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.admin');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin/users'),
    page.getByRole('link', { name: '用户管理' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
  const usernames = () => page.locator('main table tbody tr td:first-child').allInnerTexts();
  const before = await usernames();
  assert.ok(before.includes('cizhong.clerk'), `users table: ${before}`);

  // Only this unit and its villages can be chosen.
  const agencies = await page.getByLabel('所属单位').locator('option').allInnerTexts();
  assert.ok(agencies.includes('三门峡市湖滨区磁钟乡人民政府'));
  assert.ok(!agencies.includes('三门峡市湖滨区交口乡人民政府'), `out-of-scope unit offered: ${agencies}`);

  const username = `cizhong.t${Date.now().toString(36).slice(-6)}`;
  const form = page.locator('form[action="/admin/users"]');
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('姓名').fill('刘晓红');
  await form.getByLabel('角色').selectOption({ label: '主管领导' });
  await form.getByLabel('所属单位').selectOption({ label: '磁钟乡湾子村村民委员会' });
  await form.getByLabel('初始密码').fill('Wanzi-2026-pass');
  await form.getByRole('button', { name: '创建用户' }).click();
  await page.waitForLoadState('load');

  await page.locator('main table tbody tr', { hasText: username }).waitFor();
  const row = await page.locator('main table tbody tr', { hasText: username }).locator('td').allInnerTexts();
  assert.deepEqual(row, [username, '刘晓红', '主管领导', '磁钟乡湾子村村民委员会']);
  assert.equal((await usernames()).length, before.length + 1);
  const ok = page.locator('main .ok');
  if (await ok.count()) assert.match(await ok.innerText(), new RegExp(username.replace(/\./g, '\\.')));
  await screenshot(page, 'admin-users-created-desktop');

  // The creation is in the audit log.
  await page.goto('/admin/audit');
  assert.match(await page.locator('main table').innerText(), /新增用户/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);

  // And the new account works.
  const second = await openBrowser(t, DESKTOP);
  await login(second.page, username, 'Wanzi-2026-pass');
  assert.match(await second.page.locator('main p.lead').innerText(), /磁钟乡湾子村村民委员会/);
  assert.equal((await second.page.locator('header .who').innerText()).trim(), '刘晓红（主管领导）');
});

test('a clerk cannot reach user management', async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  assert.equal(await page.getByRole('link', { name: '用户管理' }).count(), 0);
  const response = await page.goto('/admin/users');
  assert.ok(response.status() === 403 || new URL(page.url()).pathname !== '/admin/users',
    `clerk got ${response.status()} on /admin/users`);
});
