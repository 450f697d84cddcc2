// The disclosure column (政府信息公开) of 磁钟乡: the four parts, navigation by catalogue item and
// filters, the search with highlighted results (title matches first), the Atom and LED feeds,
// keyboard-only search, and the phone layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, DESKTOP, PHONE, horizontalOverflow, openBrowser, overflowingElements, screenshot,
} from './lib.mjs';

const PARTS = ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报'];

async function openColumn(page) {
  await page.goto('/');
  await page.getByRole('link', { name: '三门峡市湖滨区磁钟乡人民政府', exact: true }).click();
  await Promise.all([
    page.waitForURL(/\/agencies\/\d+\/disclosure$/),
    page.getByRole('link', { name: '进入政府信息公开栏目' }).click(),
  ]);
  return page.url().match(/\/agencies\/(\d+)\//)[1];
}

test('column: four parts, guide from the records, item navigation, filters and paging', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  const id = await openColumn(page);
  for (const part of PARTS) await page.getByRole('heading', { level: 2, name: part }).waitFor();
  const guide = page.locator('#guide');
  await guide.getByText('党政综合办公室').first().waitFor();
  assert.equal(await guide.getByRole('link', { name: '在线申请政府信息公开' }).getAttribute('href'),
    `/agencies/${id}/apply`);
  assert.match(await guide.textContent(), /国办函〔2020〕109号/);
  assert.match(await guide.textContent(), /行政复议/);
  // The feed is announced in <head>.
  assert.equal(await page.locator('head link[rel=alternate][type="application/atom+xml"]').getAttribute('href'),
    `/agencies/${id}/disclosure/feed.atom`);
  // The list: every line links to the item page and shows its date and index number.
  const lines = page.locator('ul.pub-list > li');
  const all = await lines.count();
  assert.ok(all >= 8, `column lists ${all} items`);
  assert.match(await lines.first().locator('a').getAttribute('href'), /^\/publications\/\d+$/);
  assert.match(await lines.first().textContent(), /发布日期：\d{4}-\d{2}-\d{2}.*索引号：\S+/);
  // Navigation by Art. 20 item: 财政预算、决算信息 (20.7) has one item and becomes current.
  const budget = page.getByRole('link', { name: '财政预算、决算信息' });
  await Promise.all([page.waitForURL(/item=20\.7/), budget.click()]);
  assert.equal(await page.getByRole('link', { name: '财政预算、决算信息' }).getAttribute('aria-current'), 'page');
  assert.equal(await lines.count(), 1);
  assert.match(await lines.first().textContent(), /预算/);
  // Filters keep the item: year and subject.
  await page.getByLabel('发布年份').selectOption('2026');
  await page.getByLabel('主题分类').selectOption('finance');
  await Promise.all([page.waitForURL(/subject=finance/), page.getByRole('button', { name: '筛选' }).click()]);
  assert.match(page.url(), /item=20\.7/);
  assert.match(page.url(), /year=2026/);
  assert.match(await page.locator('#list-count').textContent(), /共 1 条/);
  // A page past the end: an empty list with a note, not an error.
  const beyond = await page.goto(`/agencies/${id}/disclosure?page=9`);
  assert.equal(beyond.status(), 200);
  await page.getByText('第 9 页没有内容').waitFor();
  // Bad parameters: 400 saying which one.
  for (const [query, name] of [['item=99.9', 'item'], ['subject=nope', 'subject'], ['year=20x6', 'year'], ['page=-1', 'page']]) {
    const r = await page.goto(`/agencies/${id}/disclosure?${query}`);
    assert.equal(r.status(), 400, query);
    assert.match(await page.locator('main').textContent(), new RegExp(`参数 ${name}`), query);
  }
  // The annual reports part links the published reports.
  await page.goto(`/agencies/${id}/disclosure#reports`);
  const report = page.locator('#reports a').first();
  assert.match(await report.getAttribute('href'), new RegExp(`^/agencies/${id}/reports/\\d{4}$`));
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
});

test('search: a 2-character term, highlighted, title matches first; empty and no-hit queries', async (t) => {
  const { page, consoleErrors } = await openBrowser(t, DESKTOP);
  await page.goto('/');
  await page.getByLabel('检索政府公开信息').fill('工作');
  await Promise.all([page.waitForURL(/\/search\?q=/), page.getByRole('button', { name: '检索' }).click()]);
  await page.locator('#search-count').waitFor();
  const hits = page.locator('ol.hits > li');
  const n = await hits.count();
  assert.ok(n >= 2, `expected several hits, got ${n}`);
  const titleMarked = [];
  for (let i = 0; i < n; i++) titleMarked.push(await hits.nth(i).locator('.hit-title mark').count() > 0);
  assert.ok(titleMarked[0], 'the first hit matches in its title');
  assert.ok(titleMarked.includes(false), 'some hits match in the body only');
  assert.deepEqual(titleMarked, [...titleMarked].sort((a, b) => Number(b) - Number(a)), 'title matches come first');
  for (let i = 0; i < n; i++) {
    const marks = await hits.nth(i).locator('mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m === '工作'), `hit ${i} highlights ${marks}`);
    assert.match(await hits.nth(i).locator('.meta').textContent(), /发布日期：\d{4}-\d{2}-\d{2}/);
  }
  await screenshot(page, 'portal-search-desktop');
  await page.goto('/search?q=');
  await page.getByText('请输入检索词').waitFor();
  await page.goto('/search?q=' + encodeURIComponent('<b>不存在的内容</b>'));
  await page.getByText('没有找到包含“<b>不存在的内容</b>”的公开信息。').waitFor();
  assert.equal(await page.locator('main b').count(), 0, 'the query is escaped');
  await page.goto('/search?q=' + encodeURIComponent('公示'.repeat(60)));
  await page.getByText(/检索词过长/).waitFor();
  assert.deepEqual(consoleErrors, []);
});

test('keyboard only: Tab to the search box, type, Enter, Tab to the first result', async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  const id = await openColumn(page);
  await page.goto(`/agencies/${id}/disclosure`);
  let guard = 0;
  while (guard++ < 30) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id) === 'column-q') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'column-q', 'search box reachable by Tab');
  await page.keyboard.type('公示');
  await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press('Enter')]);
  assert.match(page.url(), new RegExp(`agency=${id}`));
  await page.locator('#search-count').waitFor();
  guard = 0;
  while (guard++ < 30) {
    await page.keyboard.press('Tab');
    const inHits = await page.evaluate(() => !!document.activeElement?.closest('ol.hits'));
    if (inHits) break;
  }
  const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
  assert.match(href, /^\/publications\/\d+$/);
});

test('feeds: Atom parses as XML with absolute links; LED lines fit the asked width', async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  const id = await openColumn(page);
  const atom = await page.request.get(`/agencies/${id}/disclosure/feed.atom`);
  assert.equal(atom.status(), 200);
  assert.match(atom.headers()['content-type'], /^application\/atom\+xml; charset=utf-8/);
  const xml = await atom.text();
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    const ns = 'http://www.w3.org/2005/Atom';
    const entries = [...doc.getElementsByTagNameNS(ns, 'entry')];
    return {
      root: doc.documentElement.localName,
      self: [...doc.documentElement.children].find((e) => e.localName === 'link' && e.getAttribute('rel') === 'self')?.getAttribute('href'),
      entries: entries.map((e) => ({
        id: e.getElementsByTagNameNS(ns, 'id')[0]?.textContent,
        title: e.getElementsByTagNameNS(ns, 'title')[0]?.textContent,
        updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent,
        summary: e.getElementsByTagNameNS(ns, 'summary')[0]?.textContent,
      })),
    };
  }, xml);
  assert.equal(parsed.error, undefined, parsed.error);
  assert.equal(parsed.root, 'feed');
  assert.equal(parsed.self, `${BASE_URL}/agencies/${id}/disclosure/feed.atom`);
  assert.ok(parsed.entries.length >= 8);
  for (const e of parsed.entries) {
    assert.match(e.id, new RegExp(`^${BASE_URL}/publications/\\d+$`));
    assert.ok(e.title && e.summary, 'entries have a title and a summary');
    assert.match(e.updated, /^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
  }
  const cells = (line) => Math.ceil([...line].reduce((n, ch) => n + (ch.codePointAt(0) < 0x80 ? 1 : 2), 0) / 2);
  for (const [width, lines] of [[8, 3], [16, 8], [4, 50]]) {
    const led = await page.request.get(`/agencies/${id}/led.txt?width=${width}&lines=${lines}`);
    assert.equal(led.status(), 200);
    assert.equal(led.headers()['content-type'], 'text/plain; charset=utf-8');
    const body = await led.text();
    const got = body.split('\r\n').slice(0, -1);
    assert.ok(got.length >= 1 && got.length <= lines, `${got.length} lines for lines=${lines}`);
    for (const line of got) assert.ok(cells(line) <= width && cells(line) >= width - 1 || cells(line) < width,
      `"${line}" is ${cells(line)} cells for width ${width}`);
    if (width === 8) assert.equal(cells(got[0]), 8, 'a long title fills the line');
  }
  const bad = await page.request.get(`/agencies/${id}/led.txt?width=100`);
  assert.equal(bad.status(), 400);
  assert.match(await bad.text(), /参数 width/);
});

test('phone: column and search pages fit the screen', async (t) => {
  const { page, consoleErrors } = await openBrowser(t, PHONE);
  const id = await openColumn(page);
  assert.ok(await horizontalOverflow(page) <= 0, `column overflows: ${await overflowingElements(page)}`);
  await screenshot(page, 'portal-disclosure-phone');
  await page.goto(`/search?q=${encodeURIComponent('公示')}&agency=${id}`);
  await page.locator('#search-count').waitFor();
  assert.ok(await horizontalOverflow(page) <= 0, `search overflows: ${await overflowingElements(page)}`);
  await screenshot(page, 'portal-search-phone');
  assert.deepEqual(consoleErrors, []);
});
