// Annual report flow: the clerk of 磁钟乡 starts the 2025 report, enters figures (bad input is refused
// with the typed values kept), sees every violation next to its cells, fixes them, submits; the leader
// approves and publishes; the public reads it on the portal and downloads it. Also the demo's
// published 2023 report on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP, PHONE, horizontalOverflow, login, openBrowser, overflowingElements, screenshot,
} from './lib.mjs';

const cell = (page, id) => page.locator(`input[name="c.${id}"]`);

async function logout(page) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '退出' }).click()]);
}

test('clerk enters the 2025 report, leader publishes it, the public reads it', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  await page.getByRole('link', { name: '年度报告' }).first().click();
  await page.getByRole('heading', { level: 1, name: '政府信息公开工作年度报告' }).waitFor();
  // The demo's 2023 report is listed as published.
  const unit = page.locator('section.report-unit', { hasText: '磁钟乡人民政府' }).first();
  assert.match(await unit.innerText(), /2023年度报告/);
  await unit.getByLabel('新建年度报告').selectOption('2025');
  await Promise.all([page.waitForURL(/\/admin\/reports\/\d+/), unit.getByRole('button', { name: '新建' }).click()]);
  await page.getByText('已新建年度报告。').waitFor();

  // Bad input: nothing saved, every bad cell named, what was typed is still there.
  await cell(page, 't3.new.natural').fill('-3');
  await cell(page, 't3.granted.natural').fill('abc');
  await cell(page, 't2.fees.amount').fill('1.23456');
  await page.getByRole('button', { name: '保存并检查' }).click();
  await page.waitForLoadState('load');
  const alert = page.locator('.error[role="alert"]');
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /3 处填写有误/);
  assert.match(text, /自然人.*不能为负数/);
  assert.match(text, /应为不小于0的整数/);
  assert.match(text, /万元/);
  assert.equal(await cell(page, 't3.granted.natural').inputValue(), 'abc');
  assert.equal(await cell(page, 't3.new.natural').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'report-bad-input-desktop');

  // Figures that do not add up: the violations are listed and marked on their cells. (The new
  // report starts with Tables 三/四 counted from the demo's cases; the year's answered one is
  // cleared here and entered again below.)
  await cell(page, 't3.unable.not_held.natural').fill('0');
  await cell(page, 't3.unable.not_held.total').fill('0');
  await cell(page, 't3.new.natural').fill('5');
  await cell(page, 't3.new.total').fill('5');
  await cell(page, 't3.granted.natural').fill('3');
  await cell(page, 't3.granted.total').fill('3');
  await cell(page, 't3.handled_total.natural').fill('4');
  await cell(page, 't3.handled_total.total').fill('4');
  await cell(page, 't2.fees.amount').fill('0.0125');
  await page.getByRole('button', { name: '保存并检查' }).click();
  await page.getByText('已保存，并已重新检查。').waitFor();
  const violations = page.locator('ol.violations > li');
  const all = (await violations.allInnerTexts()).join('\n');
  assert.match(all, /T3-02/);
  assert.match(all, /T3-01/);
  assert.match(all, /应为/);
  const described = await cell(page, 't3.handled_total.natural').getAttribute('aria-describedby');
  assert.ok(described && described.startsWith('v-'), `handled_total not linked to its violation: ${described}`);
  assert.match(await cell(page, 't3.handled_total.natural').getAttribute('class'), /bad/);
  assert.equal(await cell(page, 't2.fees.amount').inputValue(), '0.0125');
  await screenshot(page, 'report-violations-desktop');

  // Fixed: 3 granted + 1 partial + 1 unable of 5 received, all answered.
  await cell(page, 't3.partial.natural').fill('1');
  await cell(page, 't3.partial.total').fill('1');
  await cell(page, 't3.unable.not_held.natural').fill('1');
  await cell(page, 't3.unable.not_held.total').fill('1');
  await cell(page, 't3.handled_total.natural').fill('5');
  await cell(page, 't3.handled_total.total').fill('5');
  await page.locator('textarea[name="n.一"]').fill('2025年，本乡共收到政府信息公开申请5件，均已按期答复。');
  await page.locator('textarea[name="n.五"]').fill('存在的主要问题：政策解读形式单一。改进情况：增加图解解读。');
  await page.getByRole('button', { name: '保存并检查' }).click();
  await page.getByText('已保存，并已重新检查。').waitFor();
  assert.match(await page.getByRole('heading', { name: /检查结果/ }).innerText(), /错误 0 处/);
  // Explain whatever warnings remain (e.g. the jump from 2023's zeros), then submit.
  const unexplained = page.locator('li.violation.sev-W:not(.accepted) form.accept');
  for (let i = 0; i < 20 && (await unexplained.count()) > 0; ++i) {
    const open = unexplained.first();
    await open.locator('textarea').fill('本年度新收申请较上年增加，系征地补偿政策集中出台所致。');
    await Promise.all([page.waitForLoadState('load'), open.getByRole('button', { name: '保存说明' }).click()]);
    await page.getByText('已保存说明。').waitFor();
  }
  assert.equal(await unexplained.count(), 0);
  // Section 六 typed but not saved: sending saves it first, nothing typed is lost.
  await page.locator('textarea[name="n.六"]').fill('本年度未收取信息处理费，无其他需要报告的事项。');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '保存并送主管领导审批' }).click()]);
  await page.getByText('已送主管领导审批。').waitFor();
  const reportUrl = new URL(page.url()).pathname;
  await logout(page);

  await login(page, 'cizhong.leader');
  // The leader finds it on the back-office home page, under 待办.
  const todo = page.locator('section.todo');
  await todo.getByRole('link', { name: /2025年度报告/ }).click();
  await page.waitForURL((url) => url.pathname === reportUrl);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '审批通过并发布' }).click()]);
  await page.getByText('已审批并在门户网站发布。').waitFor();
  await screenshot(page, 'report-published-backoffice-desktop');
  const portalLink = page.getByRole('link', { name: '门户页面' });
  const portalUrl = await portalLink.getAttribute('href');
  await logout(page);

  // The public reads it in the official layout and downloads it.
  await page.goto(portalUrl);
  await page.getByRole('heading', { level: 1, name: /磁钟乡人民政府2025年政府信息公开工作年度报告/ }).waitFor();
  const article = page.locator('article');
  assert.match(await article.innerText(), /收到和处理政府信息公开申请情况/);
  assert.match(await article.innerText(), /本年度未收取信息处理费/, 'section 六 typed before sending was saved');
  assert.ok((await page.locator('article table td[rowspan], article table th[rowspan]').count()) > 0);
  const pdf = await page.request.get(await page.getByRole('link', { name: 'PDF' }).getAttribute('href'));
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  await screenshot(page, 'report-portal-desktop');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

test('the published 2023 report reads on a phone', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, PHONE);
  await page.goto('/');
  await page.getByRole('link', { name: '磁钟乡' }).first().click();
  await page.getByRole('link', { name: /2023年度/ }).click();
  await page.getByRole('heading', { level: 1, name: /2023年政府信息公开工作年度报告/ }).waitFor();
  const text = await page.locator('article').innerText();
  for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
    assert.ok(text.includes(heading), `missing ${heading}`);
  }
  assert.match(text, /21条/);
  // The explanations of warnings accepted before publication are public.
  assert.match(await page.locator('main').innerText(), /数据说明/);
  await screenshot(page, 'report-portal-phone');
  assert.equal(await horizontalOverflow(page), 0, await overflowingElements(page));
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});
