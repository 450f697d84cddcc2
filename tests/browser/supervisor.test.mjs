// Supervisor flow: the district's 政务公开办 sees the townships below it and the audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP, PHONE, horizontalOverflow, login, openBrowser, overflowingElements, screenshot,
} from './lib.mjs';

test('hubin.supervisor sees 交口乡 on /admin and audit log entries', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'hubin.supervisor');
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
  assert.match(await page.locator('main p.lead').innerText(), /三门峡市湖滨区人民政府/);
  await page.getByRole('link', { name: '三门峡市湖滨区交口乡人民政府' }).first().waitFor();
  const main = await page.locator('main').innerText();
  assert.match(main, /三门峡市湖滨区磁钟乡人民政府/);
  assert.match(main, /三门峡市湖滨区人力资源和社会保障局/);
  await screenshot(page, 'supervisor-admin-desktop');

  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin/audit'),
    page.getByRole('link', { name: '操作日志' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: '操作日志' }).waitFor();
  const headers = await page.locator('main table thead th').allInnerTexts();
  assert.deepEqual(headers, ['序号', '时间（北京时间）', '操作人', '操作', '对象']);
  const rows = page.locator('main table tbody tr');
  const n = await rows.count();
  assert.ok(n >= 5, `expected audit entries, got ${n}`);
  const text = await page.locator('main table tbody').innerText();
  assert.match(text, /新增单位/);
  assert.match(text, /hubin\.supervisor/, 'the supervisor\'s own login is logged');
  // Newest first: sequence numbers decrease.
  const seqs = (await rows.locator('td:first-child').allInnerTexts()).map(Number);
  assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a));
  await screenshot(page, 'supervisor-audit-desktop');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

// The 最近操作 and 操作日志 tables are wide (timestamps, actors): on a phone they must scroll inside
// their own box rather than widen the page.
test('phone: the supervisor\'s back office and audit log fit the screen', async (t) => {
  const { page } = await openBrowser(t, PHONE);
  await login(page, 'hubin.supervisor');
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
  await screenshot(page, 'supervisor-admin-phone');
  assert.ok(await horizontalOverflow(page) <= 0, `/admin overflows on a phone: ${await overflowingElements(page)}`);
  await page.goto('/admin/audit');
  await page.getByRole('heading', { level: 1, name: '操作日志' }).waitFor();
  await screenshot(page, 'supervisor-audit-phone');
  assert.ok(await horizontalOverflow(page) <= 0,
    `/admin/audit overflows on a phone: ${await overflowingElements(page)}`);
});
