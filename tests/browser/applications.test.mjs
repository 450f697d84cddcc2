// Disclosure applications (issue 6), the public and the clerk: the public applies on 磁钟乡's page
// and follows the case by its query code; the clerk confirms, asks for a correction, records it and
// answers; registration of a walk-in with a field error and its input kept; the list, the CSV
// export and the case page on a phone. Handling steps are in applications_handling.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  DESKTOP, PHONE, horizontalOverflow, login, openBrowser, overflowingElements, screenshot,
} from './lib.mjs';
import {
  CIZHONG, VALID_ID, applyPath, fillPerson, press, registerWalkIn, stamp, step,
} from './applications_lib.mjs';

test('the public applies online; the clerk confirms, asks for a correction and answers; the applicant reads the answer', async (t) => {
  const pub = await openBrowser(t, DESKTOP);
  const page = pub.page;
  const title = `磁钟村村道硬化工程资金拨付文件（${stamp()}）`;
  await page.goto('/');
  await page.getByRole('link', { name: CIZHONG, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: CIZHONG }).waitFor();
  await page.getByRole('link', { name: '申请政府信息公开' }).click();
  await page.getByRole('heading', { level: 1, name: '申请政府信息公开' }).waitFor();
  assert.match(await page.locator('.apply-intro').innerText(), /20个工作日/);
  // Only the person's fields are shown for a person; an organisation's appear when chosen.
  assert.equal(await page.getByLabel('统一社会信用代码').isVisible(), false);
  await page.getByLabel('法律服务机构').check();
  assert.equal(await page.getByLabel('统一社会信用代码').isVisible(), true);
  assert.equal(await page.getByLabel('证件号码').isVisible(), false);
  // A post without the form's token (another site submitting in the visitor's name) is refused.
  const forged = await page.request.post(new URL(page.url()).pathname, {
    form: { 'applicant.type': 'natural', 'applicant.name': '冒名', 'request.title': 'x' },
  });
  assert.equal(forged.status(), 403);
  await fillPerson(page, { name: '赵申请', id: VALID_ID, title });
  await page.getByLabel('电子文档').check();
  await page.getByLabel('电子邮件').check();
  await page.getByLabel('电子邮箱').fill('zhao@example.cn');
  await screenshot(page, 'application-apply-desktop');
  await press(page, page.getByRole('button', { name: '提交申请' }));
  await page.waitForURL(/\/agencies\/\d+\/applied$/);
  const code = (await page.locator('#query-code').innerText()).trim();
  assert.match(code, /^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
  assert.ok(!page.url().includes(code.replace(/-/g, '')), 'the query code stays out of the URL');
  assert.match(await page.locator('main').innerText(), /请立即抄写、截图或打印本页保存查询号/);
  await screenshot(page, 'application-submitted-desktop');

  // The clerk finds it under 在线申请待确认 and handles it.
  const staff = await openBrowser(t, DESKTOP);
  const clerk = staff.page;
  await login(clerk, 'cizhong.clerk');
  const clerkName = (await clerk.locator('header .who').innerText()).split('（')[0];
  await clerk.getByRole('link', { name: '依申请公开', exact: true }).first().click();
  await clerk.getByRole('heading', { level: 1, name: '依申请公开' }).waitFor();
  await clerk.getByRole('link', { name: /在线申请待确认/ }).click();
  const row = clerk.locator('table.cases tbody tr', { hasText: title });
  assert.match(await row.innerText(), /待确认/);
  await row.getByRole('link').first().click();
  await clerk.getByRole('heading', { level: 1, name: /政府信息公开申请〔\d{4}〕\d+号/ }).waitFor();
  assert.match(await clerk.locator('.case-head').innerText(), new RegExp(code));

  await press(clerk, (await step(clerk, '确认收到申请')).getByRole('button', { name: '确认收到' }));
  await clerk.getByText('已确认收到申请').waitFor();
  assert.match(await clerk.locator('section.clock').innerText(), /剩余\d+个工作日|今天到期/);

  let form = await step(clerk, '补正告知');
  await form.getByLabel('需要补正的事项').fill('请写明所需文件的文号或者形成时间。');
  await press(clerk, form.getByRole('button', { name: '登记补正告知' }));
  await clerk.getByText('已登记补正告知').waitFor();
  assert.match(await clerk.locator('section.clock').innerText(), /待补正/);

  form = await step(clerk, '收到补正');
  await press(clerk, form.getByRole('button', { name: '登记收到补正' }));
  await clerk.getByText('已登记收到补正后的申请').waitFor();

  form = await step(clerk, '答复');
  await form.getByLabel(/答复结果/).selectOption('granted');
  await form.getByLabel('答复内容').fill('经查，您申请的信息属于可以公开的政府信息，现以电子邮件方式提供。');
  await press(clerk, form.getByRole('button', { name: '登记答复并办结' }));
  await clerk.getByText('已登记答复，本申请办结。').waitFor();
  const timeline = await clerk.locator('#timeline').innerText();
  for (const label of ['在线提交申请', '收到申请', '发出补正告知', '收到补正材料', '作出答复']) {
    assert.ok(timeline.includes(label), `timeline lacks ${label}`);
  }
  // How the due date was reached, step by step.
  await clerk.locator('details.steps-explained summary').click();
  assert.match(await clerk.locator('details.steps-explained').innerText(), /第0日/);
  // Once answered, only notes may be added.
  assert.deepEqual(await clerk.locator('details.action summary').allInnerTexts(), ['备注']);
  await screenshot(clerk, 'application-case-closed-desktop');
  // The case's letters, each as Word and PDF.
  const letters = clerk.locator('section.letters');
  const lettersText = await letters.innerText();
  for (const l of ['受理回执', '补正告知书', '答复书']) assert.ok(lettersText.includes(l), `no ${l}`);
  const pdfHref = await letters.locator('li', { hasText: '答复书' }).getByRole('link', { name: 'PDF' }).getAttribute('href');
  const pdf = await clerk.request.get(pdfHref);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  const docx = await clerk.request.get(pdfHref.replace(/\.pdf$/, '.docx'));
  assert.equal(docx.status(), 200);
  assert.equal((await docx.body()).subarray(0, 2).toString(), 'PK');
  assert.deepEqual(staff.consoleErrors, []);
  assert.deepEqual(staff.failed, []);

  // The applicant follows the case with the code (typed without dashes, in lower case).
  await page.getByRole('link', { name: '申请查询' }).first().click();
  await page.getByLabel('查询号').fill(code.replace(/-/g, '').toLowerCase());
  await press(page, page.getByRole('button', { name: '查询' }));
  assert.equal(new URL(page.url()).search, '');
  const answer = page.locator('section.answer');
  assert.match(await answer.innerText(), /予以公开/);
  assert.match(await answer.innerText(), /现以电子邮件方式提供/);
  const status = await page.locator('main').innerText();
  assert.match(status, /已答复/);
  assert.match(status, /请写明所需文件的文号/);
  assert.ok(!status.includes(clerkName), 'no staff names for the public');
  await screenshot(page, 'application-track-desktop');
  // The applicant downloads the answer (posted with the code, never in a URL).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '答复书（PDF）' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /答复书.*\.pdf$/);
  assert.equal((await readFile(await download.path())).subarray(0, 5).toString(), '%PDF-');
  assert.ok(!download.url().includes(code.replace(/-/g, '')));
  // A wrong code is refused in Chinese.
  await page.goto('/track');
  await page.getByLabel('查询号').fill('0000-0000-0000-0000-0000');
  await press(page, page.getByRole('button', { name: '查询' }));
  await page.getByText('查询号不正确').waitFor();
  assert.deepEqual(pub.consoleErrors, []);
  assert.deepEqual(pub.failed, []);
});

test('a walk-in with a malformed ID number is refused next to the field, input kept, then registered', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  const title = `磁钟乡2026年农村低保资金发放名单（${stamp()}）`;
  await page.goto('/admin/applications/new');
  await page.getByLabel('申请方式').selectOption('registered_post');
  assert.match(await page.locator('#receipt-meaning').innerText(), /本机关签收之日/);
  await fillPerson(page, { name: '钱登记', id: '110105194912310021', title });
  await page.getByLabel('联系电话').fill('12345');
  await press(page, page.getByRole('button', { name: '保存登记' }));
  const summary = page.locator('#error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /证件号码：居民身份证号码应为18位/);
  assert.match(await summary.innerText(), /联系电话/);
  const id = page.getByLabel('证件号码');
  assert.equal(await id.inputValue(), '110105194912310021');
  assert.equal(await id.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#e-applicant-id_number').innerText(), /校验位/);
  assert.equal(await page.getByLabel('所需政府信息的名称').inputValue(), title);
  assert.equal(await page.getByLabel('申请方式').inputValue(), 'registered_post');
  // The summary links to the field.
  await summary.getByRole('link', { name: /证件号码/ }).click();
  await screenshot(page, 'application-register-errors-desktop');

  await id.fill(VALID_ID);
  await page.getByLabel('联系电话').fill('0398-2812345');
  await press(page, page.getByRole('button', { name: '保存登记' }));
  await page.getByText('已登记。请将查询号告知申请人').waitFor();
  assert.match(await page.locator('.case-head').innerText(), /邮寄（挂号信、EMS等需签收）/);
  assert.match(await page.locator('.case-head').innerText(), /本机关签收之日/);

  // The same person asking for the same thing again: flagged as a probable duplicate.
  await registerWalkIn(page, { name: '钱登记', title });
  assert.match(await page.locator('main').innerText(), /可能重复申请/);
  await screenshot(page, 'application-duplicate-desktop');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

test('the list, its CSV export and the case page read on a phone', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, PHONE);
  await login(page, 'cizhong.clerk');
  await page.goto('/admin/applications');
  await page.getByRole('heading', { level: 1, name: '依申请公开' }).waitFor();
  const tabs = await page.locator('nav.tabs').innerText();
  for (const label of ['全部', '办理中', '即将到期', '已逾期', '暂停计时', '延期待审批', '在线申请待确认', '已办结']) {
    assert.ok(tabs.includes(label), `tab ${label} missing`);
  }
  assert.ok((await page.locator('table.cases tbody tr').count()) >= 3);
  await screenshot(page, 'applications-list-phone');
  assert.equal(await horizontalOverflow(page), 0, await overflowingElements(page));

  // Filters are kept in the tab links and in the CSV link.
  await page.locator('details.filters summary').click();
  await page.getByLabel('申请人类型').selectOption('natural');
  await press(page, page.getByRole('button', { name: '筛选' }));
  const csvHref = await page.getByRole('link', { name: '导出CSV' }).getAttribute('href');
  assert.match(csvHref, /^\/admin\/applications\.csv\?list=all&type=natural$/);
  const csv = await page.request.get(csvHref);
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'], /^text\/csv/);
  assert.match(csv.headers()['content-disposition'], /^attachment;/);
  const body = (await csv.body()).toString('utf8');
  assert.ok(body.startsWith('\ufeff'), 'CSV starts with a BOM for spreadsheet programs');
  assert.ok(body.includes('孙延期') || body.includes('钱登记'), body.slice(0, 400));

  await page.locator('table.cases tbody tr').first().getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: /政府信息公开申请〔/ }).waitFor();
  await screenshot(page, 'application-case-phone');
  assert.equal(await horizontalOverflow(page), 0, await overflowingElements(page));

  // The public form and the tracking page on a phone.
  await page.goto(await applyPath(page));
  await screenshot(page, 'application-apply-phone');
  assert.equal(await horizontalOverflow(page), 0, await overflowingElements(page));
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});
