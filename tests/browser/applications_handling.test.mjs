// Disclosure applications (issue 6), handling a case: an extension approved by the leader from
// 待办; a stale form refused with the explanation; consultation and fee pausing the clock; review
// and litigation records linked to an answered application.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, login, openBrowser, screenshot } from './lib.mjs';
import {
  logout, press, registerWalkIn, stamp, step,
} from './applications_lib.mjs';

test('the clerk asks for a 20-day extension, the leader approves it from 待办, the due date moves', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  const title = `湾子村集体土地征收补偿方案（${stamp()}）`;
  const casePath = await registerWalkIn(page, { name: '孙延期', title });
  const dueBefore = await page.locator('section.clock .due-date').innerText();
  const form = await step(page, '申请延期答复');
  assert.equal(await form.getByLabel(/延长的工作日数/).inputValue(), '20');
  await form.getByLabel('延期理由').fill('所需信息涉及多个村，需调取档案核实。');
  await press(page, form.getByRole('button', { name: '提交延期申请' }));
  await page.getByText('已提交延期申请，等待主管领导审批。').waitFor();
  assert.match(await page.locator('.case-head').innerText(), /延期待审批/);
  assert.equal(await page.locator('section.clock .due-date').innerText(), dueBefore);
  await logout(page);

  await login(page, 'cizhong.leader');
  const todo = page.locator('section.todo-applications');
  await todo.getByRole('link', { name: /孙延期：申请延长20个工作日/ }).click();
  await page.waitForURL((url) => url.pathname === casePath);
  const decision = page.locator('#act-extension_decision');
  assert.match(await decision.innerText(), /需调取档案核实/);
  // The leader sees where the due date would move before deciding.
  const announced = await decision.locator('p', { hasText: '批准后' }).locator('strong').innerText();
  await decision.getByLabel('审批意见').fill('同意延期，请及时告知申请人。');
  await screenshot(page, 'application-extension-decision-desktop');
  await press(page, decision.getByRole('button', { name: '批准延期', exact: true }));
  await page.getByText('已批准延期，答复期限已顺延。').waitFor();
  const dueAfter = await page.locator('section.clock .due-date').innerText();
  assert.notEqual(dueAfter, dueBefore);
  assert.equal(dueAfter, announced);
  assert.match(await page.locator('section.clock').innerText(), /已延长20个工作日/);
  await page.locator('details.steps-explained summary').click();
  assert.match(await page.locator('details.steps-explained').innerText(), /经批准延期答复20个工作日/);
  await screenshot(page, 'application-extended-desktop');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

test('a form read before someone else changed the case is refused with the explanation, input kept', async (t) => {
  const { context, page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  const casePath = await registerWalkIn(page, { name: '李两页', title: `后川村饮水工程验收报告（${stamp()}）` });
  const other = await context.newPage();
  await other.goto(casePath);
  // The second tab records a note, by keyboard alone; the first still shows the old version.
  const note = other.locator('#act-note');
  await note.locator('summary').focus();
  await other.keyboard.press('Enter');
  await other.keyboard.press('Tab');
  assert.equal(await other.evaluate(() => document.activeElement.id), 'note-text');
  await other.keyboard.type('已电话联系申请人核实所需信息。');
  await other.keyboard.press('Tab');
  await Promise.all([other.waitForEvent('framenavigated'), other.keyboard.press('Enter')]);
  await other.getByText('已添加备注。').waitFor();

  const form = await step(page, '补正告知');
  await form.getByLabel('需要补正的事项').fill('请补充说明所需报告的年份。');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    form.getByRole('button', { name: '登记补正告知' }).click(),
  ]);
  assert.equal(response.status(), 409);
  await page.waitForLoadState('load');
  await page.getByText('该申请刚被他人办理或修改').waitFor();
  const refused = page.locator('#act-correction_requested');
  assert.match(await refused.locator('.error').innerText(), /已被他人办理或修改/);
  assert.equal(await refused.getByLabel('需要补正的事项').inputValue(), '请补充说明所需报告的年份。');
  // The page now shows the other tab's note, and sending again (deliberately) works.
  assert.match(await page.locator('#timeline').innerText(), /已电话联系申请人核实所需信息/);
  await screenshot(page, 'application-stale-desktop');
  await press(page, refused.getByRole('button', { name: '登记补正告知' }));
  await page.getByText('已登记补正告知').waitFor();
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

test('consultation and fee pause the clock: 计算 shows the amount before the notice is issued', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  await registerWalkIn(page, { name: '吴收费', title: `大王村2020年以来全部会议记录（${stamp()}）` });

  let form = await step(page, '征求意见');
  await form.getByLabel('征求意见的对象').fill('大王村村民委员会');
  await press(page, form.getByRole('button', { name: '登记征求意见' }));
  await page.getByText('已登记征求意见').waitFor();
  const clock = page.locator('section.clock');
  assert.match(await clock.innerText(), /暂停计时/);
  assert.match(await clock.innerText(), /大王村村民委员会.*应于\d{4}-\d{2}-\d{2}前答复/);
  form = await step(page, '收到征求意见的答复');
  await form.getByLabel('意见内容').fill('同意公开。');
  await press(page, form.getByRole('button', { name: '登记答复' }));
  await page.getByText('已登记征求意见的答复').waitFor();

  form = await step(page, '收费通知');
  await form.getByLabel('按量计收').check();
  await form.getByLabel(/数量/).fill('150');
  await press(page, form.getByRole('button', { name: '计算' }));
  const quote = page.locator('#fee-quote');
  assert.match(await quote.innerText(), /应收金额：1,700\.00元/);
  form = page.locator('#act-fee_notice_issued');
  assert.equal(await form.getByLabel(/数量/).inputValue(), '150');
  await screenshot(page, 'application-fee-quote-desktop');
  await press(page, form.getByRole('button', { name: '发出收费通知' }));
  await page.getByText('已登记收费通知').waitFor();
  assert.match(await page.locator('.case-head').innerText(), /待缴纳信息处理费/);
  assert.match(await clock.innerText(), /缴费期限/);
  form = await step(page, '缴费');
  await press(page, form.getByRole('button', { name: '登记缴费' }));
  await page.getByText('已登记缴费，恢复计时。').waitFor();
  assert.match(await page.locator('#timeline').innerText(), /按量计收，150页，金额1,700\.00元/);
  assert.match(await page.locator('section.letters').innerText(), /收费通知书/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

test('review and litigation: recorded against an answered application and listed on its page', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  await page.goto('/admin/applications?list=closed');
  await page.locator('table.cases tbody tr').first().getByRole('link').first().click();
  const casePath = new URL(page.url()).pathname;
  await page.getByRole('link', { name: '登记针对本申请答复的行政复议或行政诉讼' }).click();
  await page.getByRole('heading', { level: 1, name: '行政复议和行政诉讼' }).waitFor();
  const form = page.locator('form.review-form');
  assert.notEqual(await form.getByLabel(/关联的申请/).inputValue(), '');
  await form.getByLabel('复议机关或法院').fill('三门峡市湖滨区人民政府');
  const caseNumber = `湖政复〔2026〕${stamp()}号`;
  await form.getByLabel('案号').fill(caseNumber);
  await press(page, form.getByRole('button', { name: '登记', exact: true }));
  await page.getByText('已登记案件。').waitFor();
  await screenshot(page, 'review-cases-desktop');
  // A result dated before filing is refused in Chinese, the input kept.
  await page.locator('table tbody tr', { hasText: caseNumber }).getByRole('link').first().click();
  const edit = page.locator('form.review-form');
  await edit.getByLabel('结果', { exact: true }).selectOption('upheld');
  await edit.getByLabel(/结果日期/).fill('2020-01-01');
  await press(page, edit.getByRole('button', { name: '保存' }));
  await page.locator('form.review-form .error').waitFor();
  assert.equal(await edit.getByLabel(/结果日期/).inputValue(), '2020-01-01');
  await edit.getByLabel(/结果日期/).fill(await edit.getByLabel('立案（受理）日期').inputValue());
  await press(page, edit.getByRole('button', { name: '保存' }));
  await page.getByText('已保存。').waitFor();
  await page.goto(casePath);
  assert.match(await page.locator('main').innerText(), /行政复议.*结果维持/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});
