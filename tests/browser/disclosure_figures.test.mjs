// Table 二 from the records: the clerk of 湖滨区人社局 records a normative document, imports the
// year's decision figures from CSV (a file with one bad line is refused whole, the line named and
// the text kept for correcting), then starts the 2025 annual report and has Table 二 filled from
// the records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, login, openBrowser, screenshot } from './lib.mjs';

const cell = (page, id) => page.locator(`input[name="c.${id}"]`);
const HRSS = '三门峡市湖滨区人力资源和社会保障局';
const HEADER = '单位,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）';

test('clerk keeps the register and the figures, and the report takes Table 二 from them', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'hrss.clerk');
  await page.getByRole('link', { name: '主动公开数据' }).click();
  await page.getByRole('heading', { level: 1, name: '规章和行政规范性文件' }).waitFor();

  // A document with a repeal before it was made is refused, what was typed kept.
  const form = page.locator('form.card', { has: page.getByRole('heading', { name: '登记文件' }) });
  await form.getByLabel('类别').selectOption('normative');
  await form.getByLabel('发文字号').fill('湖人社〔2025〕3号');
  await form.getByLabel('标题').fill('湖滨区人力资源和社会保障局关于进一步规范就业补贴申领的通知');
  await form.getByLabel('制发日期（成文日期）').fill('2025-05-20');
  await form.getByLabel('废止日期（未废止不填）').fill('2025-05-01');
  await Promise.all([page.waitForLoadState('load'), form.getByRole('button', { name: '登记' }).click()]);
  await page.getByRole('alert').filter({ hasText: '废止日期不能早于制发日期' }).waitFor();
  assert.equal(await page.getByLabel('发文字号').inputValue(), '湖人社〔2025〕3号');
  await page.getByLabel('废止日期（未废止不填）').fill('');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '登记' }).click()]);
  await page.getByText('已登记文件。').waitFor();
  const row = page.locator('tbody tr', { hasText: '湖人社〔2025〕3号' });
  assert.match(await row.innerText(), /现行有效/);
  await screenshot(page, 'normative-documents-desktop');

  // The CSV with one bad line: refused whole, the line and column named, nothing saved.
  await page.getByRole('link', { name: '年度决定和收费数据' }).click();
  await page.getByRole('heading', { level: 1, name: '年度决定和收费数据' }).waitFor();
  const before = await page.locator('tbody tr', { hasText: '2025' }).innerText();
  const bad = `\uFEFF${HEADER}\r\n${HRSS},2025,240,15,2,0.8\r\n${HRSS},2024,abc,9,0,0\r\n`;
  await page.getByLabel('CSV 文件').setInputFiles({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '导入' }).click()]);
  const alert = page.locator('.error[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /未保存任何数据/);
  assert.match(await alert.innerText(), /第3行“行政许可”列：“abc”不是整数/);
  assert.equal(await page.locator('tbody tr', { hasText: '2025' }).innerText(), before, 'nothing was saved');
  const kept = await page.getByLabel('或粘贴 CSV 内容').inputValue();
  assert.match(kept, /2024,abc,9/);
  await screenshot(page, 'decision-figures-csv-error-desktop');

  // Fixed in the box and imported again.
  await page.getByLabel('或粘贴 CSV 内容').fill(kept.replace('2024,abc,9', '2024,214,9'));
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '导入' }).click()]);
  await page.getByText('已导入 2 行数据。').waitFor();
  assert.match(await page.locator('tbody tr', { hasText: '2025' }).innerText(), /240\s+15\s+2\s+0\.8000/);

  // The 2025 report starts with Table 二 from the records; a figure changed by hand differs from
  // them until the table is filled from the records again.
  await page.getByRole('link', { name: '年度报告' }).first().click();
  const unit = page.locator('section.report-unit', { hasText: '人力资源和社会保障局' }).first();
  await unit.getByLabel('新建年度报告').selectOption('2025');
  await Promise.all([page.waitForURL(/\/admin\/reports\/\d+/), unit.getByRole('button', { name: '新建' }).click()]);
  await page.getByText('表二、表三、表四已按本单位记录生成').waitFor();
  assert.equal(await cell(page, 't2.licensing.decisions').inputValue(), '240');
  await cell(page, 't2.licensing.decisions').fill('7');
  await page.getByRole('button', { name: '保存并检查' }).click();
  await page.getByText('已保存，并已重新检查。').waitFor();
  const records = page.locator('section.records');
  assert.match(await records.innerText(), /有 1 个数字与本单位记录统计的结果不一致/);
  await Promise.all([page.waitForLoadState('load'), records.getByRole('button', { name: '按记录重新生成表二、表三、表四' }).click()]);
  await page.getByText('已按记录重新生成表二、表三、表四，并已重新检查。').waitFor();
  const want = {
    't2.normative.made': '1', 't2.normative.repealed': '0', 't2.normative.in_force': '2',
    't2.rules.made': '0', 't2.rules.in_force': '0', 't2.licensing.decisions': '240',
    't2.penalty.decisions': '15', 't2.coercion.decisions': '2', 't2.fees.amount': '0.8000',
  };
  for (const [id, value] of Object.entries(want)) {
    assert.equal(await cell(page, id).inputValue(), value, id);
  }
  assert.match(await records.innerText(), /表二、表三、表四与本单位的规范性文件登记/);
  await screenshot(page, 'report-table2-from-records-desktop');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});
