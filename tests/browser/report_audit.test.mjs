// Auditing published reports (issue 5): the district's supervisor uploads 磁钟乡's real 2023 report
// and a copy with a Table 三 figure changed, sees a one-line summary per file, the broken cell
// highlighted and linked to its T3-01 violation, and saves the copy as 磁钟乡's report. 磁钟乡 has
// published its 2023 report in the platform already, so saving makes version 2, a draft the unit
// must deal with (version 1 stays published), and while it is open the other file cannot be saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DESKTOP, OUT_DIR, PHONE, horizontalOverflow, login, openBrowser, overflowingElements, screenshot,
} from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEED = path.join(here, '..', '..', '..', 'shared', 'fixtures', 'seed-annual-report-2023-cizhong.txt');

async function files() {
  const seed = await readFile(SEED);
  const text = seed.toString('utf8');
  const row = '一、本年新收政府信息公开申请数量\t\t0\t';
  assert.ok(text.includes(row), 'the seed has the Table 三 row the copy changes');
  const broken = Buffer.from(text.replace(row, '一、本年新收政府信息公开申请数量\t\t3\t'), 'utf8');
  return [
    { name: '磁钟乡2023年报告.txt', mimeType: 'text/plain', buffer: seed },
    { name: '磁钟乡2023年报告（改）.txt', mimeType: 'text/plain', buffer: broken },
  ];
}

test('supervisor audits two files, sees the broken cell, saves one as 磁钟乡\'s report', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'hubin.supervisor');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin/reports/audit'),
    page.getByRole('link', { name: '审核已发布的年度报告（上传文件）' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: '审核已发布的年度报告' }).waitFor();
  assert.match(await page.locator('#files-hint').innerText(), /一次最多 20 个文件、合计不超过 64 MB/);

  // Too many files: said at once, before anything is sent.
  const tiny = Array.from({ length: 21 }, (_, i) => ({ name: `${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from('x') }));
  await page.locator('#files').setInputFiles(tiny);
  const limit = page.locator('#upload-limit');
  await limit.waitFor({ state: 'visible' });
  assert.match(await limit.innerText(), /一次最多审核20个文件，您选择了21个/);
  assert.equal(await page.getByRole('button', { name: '上传并审核' }).isDisabled(), true);
  await screenshot(page, 'report-audit-limit-desktop');

  await page.locator('#files').setInputFiles(await files());
  await limit.waitFor({ state: 'hidden' });
  await screenshot(page, 'report-audit-form-desktop');
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: '上传并审核' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: '年度报告审核结果' }).waitFor();

  // One line per file.
  const lines = await page.locator('ol.audit-summary > li').allInnerTexts();
  assert.equal(lines.length, 2);
  assert.match(lines[0], /磁钟乡2023年报告\.txt：三门峡市湖滨区磁钟乡人民政府 · 2023年度 · 2021年版格式.* · 纯文本 · 读出 200\/200 格 · 错误 0 · 警告 \d+ · 格式 \d+ — 无错误/);
  assert.match(lines[1], /（改）\.txt：三门峡市湖滨区磁钟乡人民政府 · 2023年度 .*错误 [1-9]\d* .*— 有错误/);
  assert.match(await page.locator('.audit-totals').innerText(), /共 2 个文件：读出报告 2 份，未能读取 0 个；有错误的报告 1 份/);
  await screenshot(page, 'report-audit-results-desktop');

  // In the copy's Table 三 the cell T3-01 checks (已办结 总计 of 自然人) is marked as failing, the changed
  // figure as involved in T3-01 and T3-03; each links to its violation.
  const copy = page.locator('#file-2');
  const bad = copy.locator('table.grid-t3 td.bad', { has: page.locator('a[title*="T3-01"]') });
  assert.equal(await bad.count(), 1);
  await bad.scrollIntoViewIfNeeded();
  assert.equal((await bad.innerText()).trim(), '0');
  const changed = copy.locator('table.grid-t3 td.involved a', { hasText: /^3$/ });
  assert.equal(await changed.count(), 1);
  assert.match(await changed.getAttribute('title'), /T3-01.*T3-03|T3-03.*T3-01/);
  assert.match(await copy.locator('p.legend').innerText(), /红框.*检查未通过的格/);
  const link = bad.locator('a');
  const target = await link.getAttribute('href');
  assert.match(target, /^#f2-v-\d+$/);
  await link.click();
  await page.waitForURL((url) => url.hash === target);
  const violation = page.locator(target);
  assert.match(await violation.innerText(), /错误 T3-01/);
  assert.match(await violation.innerText(), /应为 3，实为 0/);
  await screenshot(page, 'report-audit-violation-desktop');
  await copy.locator('table.grid-t3').screenshot({ path: path.join(OUT_DIR, 'report-audit-table3-desktop.png') });
  // The real report has no error cell.
  assert.equal(await page.locator('#file-1 td.bad').count(), 0);

  // What saving would do, before doing it: 磁钟乡 published version 1 here.
  const seedSave = page.locator('#file-1 .save-audited');
  assert.match(await seedSave.innerText(), /第1版已发布，表格数字与本文件一致。保存后成为第2版（草稿，来源：导入）/);
  const copySave = page.locator('#file-2 .save-audited');
  assert.match(await copySave.innerText(), /第1版已发布，与本文件有 1 处表格数字不同/);
  const seedAudit = await page.locator('#file-1').getByRole('link', { name: '单独查看' }).getAttribute('href');

  await Promise.all([
    page.waitForURL(/\/admin\/reports\/\d+\?done=imported$/),
    copySave.getByRole('button', { name: '保存为该单位2023年度报告' }).click(),
  ]);
  await page.getByText('已将审核的文件保存为年度报告（来源：导入）').waitFor();
  const facts = await page.locator('.report-head').innerText();
  assert.match(facts, /草稿 · 第2版 · 导入（磁钟乡2023年报告（改）\.txt）/);
  assert.match(facts, /以导入的文件“磁钟乡2023年报告（改）\.txt”替换/);
  assert.match(await page.getByRole('heading', { name: /检查结果/ }).innerText(), /错误 [1-9]/);
  assert.match(await page.locator('ol.violations').innerText(), /T3-01/);
  assert.match(await page.locator('ul.versions').innerText(), /第1版 已发布/);
  await screenshot(page, 'report-audit-saved-desktop');

  // The source file is one click away, and version 2 being open, the real file cannot be saved now.
  await Promise.all([
    page.waitForLoadState('load'),
    page.locator('.report-head').getByRole('link', { name: '磁钟乡2023年报告（改）.txt' }).click(),
  ]);
  assert.match(await page.locator('.save-audited').innerText(), /本文件已保存为该单位2023年度报告第2版（草稿）/);
  await page.goto(seedAudit);
  const blocked = await page.locator('.save-audited').innerText();
  assert.match(blocked, /不能保存：三门峡市湖滨区磁钟乡人民政府2023年度报告第2版正在编辑，请先办结该版本后再保存/);
  assert.equal(await page.getByRole('button', { name: '保存为该单位2023年度报告' }).count(), 0);
  await screenshot(page, 'report-audit-blocked-desktop');

  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

test('phone: the audit page fits the screen, tables scroll in their own box', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, PHONE);
  await login(page, 'hubin.supervisor');
  await page.goto('/admin/reports/audit');
  await page.locator('#files').setInputFiles((await files()).slice(1));
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '上传并审核' }).click()]);
  await page.getByRole('heading', { level: 1, name: '年度报告审核结果' }).waitFor();
  await screenshot(page, 'report-audit-results-phone');
  assert.ok(await horizontalOverflow(page) <= 0, `overflows on a phone: ${await overflowingElements(page)}`);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});
