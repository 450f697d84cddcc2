// Proactive disclosure (主动公开) end to end: the clerk drafts an item with a pasted body (the
// unsafe parts removed and listed) and a PDF, the review is recorded, the leader approves it from
// 待办, the public page shows it with its attachment, channels are recorded with evidence, and a
// revision stays off the portal until approved; bad input comes back next to its fields with the
// input kept; a clerk cannot approve; the public page read on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP, PHONE, horizontalOverflow, login, openBrowser, overflowingElements, screenshot,
} from './lib.mjs';
import { logout, press, stamp } from './applications_lib.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

// A date `days` before today in Beijing, as the date input wants it.
function daysAgo(days) {
  const d = new Date(Date.now() + 8 * 3600 * 1000 - days * 86400 * 1000);
  return d.toISOString().slice(0, 10);
}

async function fillDraft(page, { title, body, written = daysAgo(2) }) {
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('主题分类').selectOption('agriculture');
  await page.getByLabel('公开事项').selectOption('21.8');
  await page.getByLabel('成文日期').fill(written);
  await page.getByLabel('正文').fill(body);
}

async function pressStep(page, name) {
  await press(page, page.getByRole('button', { name, exact: true }));
}

let publishedPath = '';  // the public page of the item test (a) publishes, for test (c)

test('a clerk drafts, the review is recorded, the leader approves from 待办; channels; a revision waits for approval', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '主动公开', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/admin/publications');
  await page.getByRole('link', { name: '新建' }).click();
  await page.getByRole('heading', { level: 1, name: '起草主动公开信息' }).waitFor();
  const title = `磁钟乡秸秆禁烧工作通告（${stamp()}）`;
  await fillDraft(page, {
    title,
    body: '<p>为做好秋季秸秆禁烧工作，现通告如下。</p><p onclick="alert(1)">一、全乡范围内禁止露天焚烧秸秆。</p>' +
      '<script>document.title = "pwned"</script><p>二、各村设立巡查员。</p>',
  });
  await page.getByLabel(/附件/).setInputFiles([{ name: '秸秆禁烧通告.pdf', mimeType: 'application/pdf', buffer: PDF }]);
  await press(page, page.getByRole('button', { name: '保存草稿' }));
  await page.waitForURL(/\/admin\/publications\/\d+\?done=created/);
  const itemPath = new URL(page.url()).pathname;
  const removed = page.locator('.removed-notice');
  assert.match(await removed.innerText(), /<script> 元素/);
  assert.match(await removed.innerText(), /onclick 属性/);
  const preview = page.locator('.article-body');
  assert.match(await preview.innerText(), /全乡范围内禁止露天焚烧秸秆/);
  assert.equal(await preview.locator('script, [onclick]').count(), 0);
  assert.notEqual(await page.title(), 'pwned');
  assert.match(await page.locator('#files-h + ul').innerText(), /秸秆禁烧通告\.pdf/);
  await screenshot(page, 'publication-draft-desktop');

  await pressStep(page, '提交保密审查');
  await page.getByText('已提交保密审查。').waitFor();
  const review = page.locator('#act-reviewed');
  assert.equal(await review.getByLabel('保密审查人').inputValue(), await page.locator('.who').innerText().then((s) => s.replace(/（.*$/, '')));
  await review.getByLabel(/审查通过/).check();
  await press(page, review.getByRole('button', { name: '登记审查结论' }));
  await page.getByText('已登记保密审查结论。').waitFor();
  assert.equal(await page.getByRole('button', { name: '审批通过并发布' }).count(), 0);
  await logout(page);

  await login(page, 'cizhong.leader');
  const todo = page.locator('section.todo-publications');
  await todo.getByRole('link', { name: title }).click();
  await page.waitForURL((url) => url.pathname === itemPath);
  const decision = page.locator('#act-decision');
  await decision.getByLabel(/审批意见/).fill('同意发布。');
  await press(page, decision.getByRole('button', { name: '审批通过并发布' }));
  await page.getByText('已审批通过').waitFor();
  assert.match(await page.locator('#timeline').innerText(), /领导审批通过[\s\S]*同意发布。/);
  assert.match(await page.locator('#timeline').innerText(), /审查人：.*结论：审查通过/);
  const portalPath = await page.getByRole('link', { name: '在门户网站查看' }).getAttribute('href');
  publishedPath = portalPath;
  await logout(page);

  // The public page, anonymous.
  await page.goto(portalPath);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const meta = await page.locator('table.pub-meta').innerText();
  assert.match(meta, /索引号/);
  assert.match(meta, /贯彻落实农业农村政策/);
  assert.match(meta, /发布日期/);
  assert.doesNotMatch(meta, /更新日期/);
  const fileLink = page.getByRole('link', { name: '秸秆禁烧通告.pdf' });
  const file = await page.request.get(await fileLink.getAttribute('href'));
  assert.equal(file.status(), 200);
  assert.equal(file.headers()['content-type'], 'application/pdf');
  assert.match(file.headers()['content-disposition'], /^attachment;/);
  assert.equal(file.headers()['x-content-type-options'], 'nosniff');
  assert.ok((await file.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));
  await screenshot(page, 'publication-public-desktop');

  // Channels: the WeChat post and the board posting with a photo.
  await login(page, 'cizhong.clerk');
  await page.goto(itemPath);
  const wechat = await page.request.get(`${itemPath}/wechat`);
  assert.equal(wechat.status(), 200);
  const notice = await page.request.get(`${itemPath}/notice.pdf`);
  assert.equal(notice.headers()['content-type'], 'application/pdf');
  let channel = page.locator('#act-channel');
  await channel.locator('summary').click();
  await channel.getByLabel('发布渠道').selectOption('wechat');
  await channel.getByLabel(/文章链接/).fill('https://mp.weixin.qq.com/s/cizhong-straw');
  await press(page, channel.getByRole('button', { name: '登记' }));
  await page.getByText('已登记发布渠道。').waitFor();
  channel = page.locator('#act-channel');
  await channel.locator('summary').click();
  await channel.getByLabel('发布渠道').selectOption('bulletin_board');
  await channel.getByLabel(/张贴地点/).fill('乡政府大门东侧政务公开栏');
  await channel.getByLabel(/现场照片/).setInputFiles([{ name: '公开栏.png', mimeType: 'image/png', buffer: PNG }]);
  await press(page, channel.getByRole('button', { name: '登记' }));
  await page.getByText('已登记发布渠道。').waitFor();
  const channels = await page.locator('table.channels').innerText();
  assert.match(channels, /政府网站信息公开专栏/);
  assert.match(channels, /政务微信公众号[\s\S]*mp\.weixin\.qq\.com/);
  assert.match(channels, /政务公开栏[\s\S]*乡政府大门东侧政务公开栏[\s\S]*查看照片/);
  await screenshot(page, 'publication-channels-desktop');

  // A revision: v2 goes through review and approval while the portal keeps v1.
  await pressStep(page, '更新（新版本）');
  await page.getByText('已开始更新').waitFor();
  await page.getByRole('link', { name: '编辑', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /编辑主动公开信息（第2版）/ }).waitFor();
  const title2 = `${title}（修订）`;
  await page.getByLabel('标题').fill(title2);
  await page.getByLabel(/信息变更日期/).fill(daysAgo(0));
  await press(page, page.getByRole('button', { name: '保存草稿' }));
  await page.getByText('已保存修改。').waitFor();
  await pressStep(page, '提交保密审查');
  await press(page, page.locator('#act-reviewed').getByRole('button', { name: '登记审查结论' }));
  await page.getByText('已登记保密审查结论。').waitFor();
  const publicPage = await page.request.get(portalPath);
  const publicHtml = await publicPage.text();
  assert.ok(publicHtml.includes(title) && !publicHtml.includes(title2), 'the portal keeps v1 until v2 is approved');
  await logout(page);

  await login(page, 'cizhong.leader');
  await page.locator('section.todo-publications').getByRole('link', { name: title2 }).click();
  await press(page, page.locator('#act-decision').getByRole('button', { name: '审批通过并发布' }));
  await page.getByText('已审批通过').waitFor();
  assert.match(await page.locator('table.versions').innerText(), /v1[\s\S]*v2/);
  await page.goto(portalPath);
  await page.getByRole('heading', { level: 1, name: title2 }).waitFor();
  // (更新日期 is shown when the revision went out on a later day than the first release.)
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

test('bad input comes back next to its fields with the input kept; a clerk cannot approve', async (t) => {
  const { page, consoleErrors } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  await page.goto('/admin/publications?list=published');
  const taken = (await page.locator('table.publications tbody tr td').first().innerText()).trim();

  await page.goto('/admin/publications/new');
  const title = `磁钟乡防汛应急预案（${stamp()}）`;
  await fillDraft(page, { title, body: '第一段。\n\n第二段。', written: '2099-01-01' });
  await page.getByLabel(/索引号/).fill(taken);
  await page.getByLabel(/附件/).setInputFiles([
    { name: '预案.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') },
  ]);
  const [first] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: '保存草稿' }).click(),
  ]);
  assert.equal(first.status(), 422);
  await page.waitForLoadState('load');
  assert.match(await page.locator('#e-written_date').innerText(), /成文日期不能晚于今天/);
  assert.match(await page.locator('#e-files').innerText(), /预案\.pdf.*不符/);
  assert.equal(await page.getByLabel('标题').inputValue(), title);
  assert.equal(await page.getByLabel('正文').inputValue(), '第一段。\n\n第二段。');
  assert.equal(await page.getByLabel('成文日期').inputValue(), '2099-01-01');
  assert.equal(await page.getByLabel(/索引号/).inputValue(), taken);
  assert.match(await page.locator('#error-summary').innerText(), /成文日期/);

  // Fixed date, no file: now the index number is found to be taken.
  await page.getByLabel('成文日期').fill(daysAgo(1));
  const [second] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: '保存草稿' }).click(),
  ]);
  assert.equal(second.status(), 409);
  await page.waitForLoadState('load');
  assert.match(await page.locator('#e-index_number').innerText(), /已被其他信息使用/);
  assert.equal(await page.getByLabel('标题').inputValue(), title);
  await screenshot(page, 'publication-form-errors-desktop');

  // An item awaiting the leader: the clerk sees no approval button, and a forged POST is refused.
  await page.goto('/admin/publications?list=awaiting_approval');
  await page.locator('table.publications tbody tr a').first().click();
  await page.waitForURL(/\/admin\/publications\/\d+$/);
  const itemPath = new URL(page.url()).pathname;
  assert.equal(await page.getByRole('button', { name: '审批通过并发布' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: '退回修改' }).count(), 0);
  const csrf = await page.locator('form[action="/logout"] input[name="_csrf"]').getAttribute('value');
  const versions = page.locator('input[name="version"]');
  const version = (await versions.count()) ? await versions.first().getAttribute('value') : '1';
  const forged = await page.request.post(`${itemPath}/steps`, {
    form: { _csrf: csrf, version, kind: 'approved', text: '' },
  });
  assert.equal(forged.status(), 403);
  assert.match(await forged.text(), /无权|权限|不能/);
  await page.reload();
  assert.match(await page.locator('.case-head').innerText(), /待领导审批/);
  assert.deepEqual(consoleErrors, []);
});

test('two tabs edit one draft: the later save is refused as stale with its input kept, then goes through', async (t) => {
  const { context, page, consoleErrors } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  await page.goto('/admin/publications/new');
  const title = `磁钟乡农村厕所改造补助公示（${stamp()}）`;
  await fillDraft(page, { title, body: '补助对象名单如下。' });
  await press(page, page.getByRole('button', { name: '保存草稿' }));
  await page.waitForURL(/\/admin\/publications\/\d+\?done=created/);
  const editPath = `${new URL(page.url()).pathname}/edit`;

  const other = await context.newPage();
  await other.goto(editPath);
  await page.goto(editPath);
  await page.getByLabel('标题').fill(`${title}（第一个标签页）`);
  await press(page, page.getByRole('button', { name: '保存草稿' }));
  await page.waitForURL(/done=edited/);

  const mine = `${title}（第二个标签页）`;
  await other.getByLabel('标题').fill(mine);
  const [refused] = await Promise.all([
    other.waitForResponse((r) => r.request().method() === 'POST'),
    other.getByRole('button', { name: '保存草稿' }).click(),
  ]);
  assert.equal(refused.status(), 409);
  await other.waitForLoadState('load');
  assert.match(await other.locator('body').innerText(), /已被他人修改，本次操作未保存/);
  assert.equal(await other.getByLabel('标题').inputValue(), mine);  // the input is kept
  // The form now carries the latest version: saving again goes through, on purpose.
  await press(other, other.getByRole('button', { name: '保存草稿' }));
  await other.waitForURL(/done=edited/);
  assert.match(await other.locator('h1').innerText(), /第二个标签页/);
  assert.deepEqual(consoleErrors, []);
});

test('the public item page on a phone: readable, no sideways scrolling, keyboard reachable', async (t) => {
  let path = publishedPath;
  if (!path) {
    const desk = await openBrowser(t, DESKTOP);
    await login(desk.page, 'cizhong.clerk');
    await desk.page.goto('/admin/publications?list=published');
    await desk.page.locator('table.publications tbody tr a').first().click();
    path = await desk.page.getByRole('link', { name: '在门户网站查看' }).getAttribute('href');
  }
  const { page, consoleErrors, failed } = await openBrowser(t, PHONE);
  await page.goto(path);
  await page.locator('article.publication h1').waitFor();
  assert.equal(await horizontalOverflow(page), 0, await overflowingElements(page));
  await screenshot(page, 'publication-public-phone');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '跳到正文');
  assert.ok(await page.getByRole('navigation', { name: '位置' }).getByRole('link').count() >= 2);
  const gone = await page.request.get('/publications/999999');
  assert.equal(gone.status(), 404);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

test('withdrawing needs a reason and a confirmation; the public page then answers 410', async (t) => {
  const { page, consoleErrors } = await openBrowser(t, DESKTOP);
  await login(page, 'cizhong.clerk');
  let path = publishedPath;
  if (!path) {
    await page.goto('/admin/publications?list=published');
    await page.locator('table.publications tbody tr a').first().click();
    path = await page.getByRole('link', { name: '在门户网站查看' }).getAttribute('href');
  }
  const id = path.split('/').pop();
  await page.goto(`/admin/publications/${id}`);
  let form = page.locator('#act-withdrawn');
  await form.locator('summary').click();
  await form.getByLabel('撤回原因').fill('该通告已被新的通告替代。');
  await press(page, form.getByRole('button', { name: '撤回' }));
  form = page.locator('#act-withdrawn');
  assert.match(await form.locator('.error').innerText(), /确认撤回/);
  assert.equal(await form.getByLabel('撤回原因').inputValue(), '该通告已被新的通告替代。');
  await form.getByLabel(/确认撤回/).check();
  await press(page, form.getByRole('button', { name: '撤回' }));
  await page.getByText('已撤回，门户网站不再显示该信息。').waitFor();
  assert.match(await page.locator('#timeline').innerText(), /撤回[\s\S]*该通告已被新的通告替代/);
  await logout(page);
  const res = await page.goto(path);
  assert.equal(res.status(), 410);
  assert.match(await page.locator('main').innerText(), /该信息已于\d{4}-\d{2}-\d{2}撤回/);
  assert.deepEqual(consoleErrors, []);
});
