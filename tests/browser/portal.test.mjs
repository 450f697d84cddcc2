// Portal flow: the agency tree on the home page, an agency's page, phone layout, keyboard access.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP, PHONE, horizontalOverflow, openBrowser, overflowingElements, screenshot,
} from './lib.mjs';

const TREE = [
  '河南省人民政府',
  '三门峡市人民政府',
  '三门峡市湖滨区人民政府',
  '三门峡市湖滨区磁钟乡人民政府',
  '磁钟乡磁钟村村民委员会',
  '磁钟乡湾子村村民委员会',
  '磁钟乡后川村村民委员会',
  '磁钟乡大王村村民委员会',
  '磁钟乡王官村村民委员会',
  '磁钟乡庙底村村民委员会',
  '三门峡市湖滨区人力资源和社会保障局',
];

const LEADING_GROUP = [
  ['组长', '李卫东', '党委书记'],
  ['常务副组长', '张志强', '乡长'],
  ['副组长', '马红梅', '党委副书记'],
  ['副组长', '杨振华', '副乡长'],
  ['成员', '王晓敏', '党政综合办公室主任'],
];

async function checkHome(page) {
  const response = await page.goto('/');
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  // The page title (h1) has changed wording before; the agency list heading is what the portal is for.
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'exactly one h1');
  await page.getByRole('heading', { level: 2, name: '政府信息公开单位' }).waitFor();
  const names = await page.locator('ul.tree > li > a').allTextContents();
  // The tree lists the province down to the township, its villages, then the district bureau, in order.
  let at = -1;
  for (const name of TREE) {
    const i = names.indexOf(name);
    assert.ok(i >= 0, `home page tree lacks ${name}; has ${names.join(', ')}`);
    assert.ok(i > at, `${name} is out of order in the tree: ${names.join(', ')}`);
    at = i;
  }
  // Nesting is shown by depth: the villages sit one level below the township.
  const depth = async (name) => (await page.locator('ul.tree > li', { hasText: name }).first().getAttribute('class'));
  assert.equal(await depth('河南省人民政府'), 'depth-0');
  assert.equal(await depth('三门峡市湖滨区磁钟乡人民政府'), 'depth-3');
  assert.equal(await depth('磁钟乡庙底村村民委员会'), 'depth-4');
  assert.equal(await depth('三门峡市湖滨区人力资源和社会保障局'), 'depth-3');
}

async function openCizhong(page) {
  await Promise.all([
    page.waitForURL(/\/agencies\/\d+$/),
    page.getByRole('link', { name: '三门峡市湖滨区磁钟乡人民政府', exact: true }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: '三门峡市湖滨区磁钟乡人民政府' }).waitFor();
  await page.getByRole('heading', { name: '政府信息公开工作机构' }).waitFor();
  const office = page.locator('section[aria-labelledby="office-h"]');
  assert.match(await office.innerText(), /党政综合办公室/);

  const group = page.locator('section[aria-labelledby="group-h"] table');
  await group.waitFor();
  const headers = await group.locator('thead th').allInnerTexts();
  assert.deepEqual(headers, ['小组职务', '姓名', '职务']);
  const rows = await group.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
  assert.deepEqual(rows, LEADING_GROUP);
  // The villages are listed as its subordinate units.
  const children = page.locator('section[aria-labelledby="children-h"]');
  assert.match(await children.innerText(), /磁钟乡庙底村村民委员会/);
}

test('desktop: home page tree, then 磁钟乡 page with its office and leading group', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, DESKTOP);
  await checkHome(page);
  await screenshot(page, 'portal-home-desktop');
  await openCizhong(page);
  await screenshot(page, 'portal-agency-desktop');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, [], 'stylesheet, emblem and other subresources all load');
});

test('phone: same flow, no horizontal overflow', async (t) => {
  const { page, consoleErrors, failed } = await openBrowser(t, PHONE);
  await checkHome(page);
  assert.ok(await horizontalOverflow(page) <= 0,
    `home page overflows horizontally on a phone: ${await overflowingElements(page)}`);
  await screenshot(page, 'portal-home-phone');
  await openCizhong(page);
  assert.ok(await horizontalOverflow(page) <= 0,
    `agency page overflows horizontally on a phone: ${await overflowingElements(page)}`);
  await screenshot(page, 'portal-agency-phone');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, [], 'stylesheet, emblem and other subresources all load');
});

test('keyboard: the first Tab reaches the skip link, which moves to the main content', async (t) => {
  const { page } = await openBrowser(t, DESKTOP);
  await page.goto('/');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({
    text: document.activeElement.textContent.trim(),
    href: document.activeElement.getAttribute('href'),
  }));
  assert.deepEqual(focused, { text: '跳到正文', href: '#main' });
  // A focused skip link must be visible on screen, not left off-screen.
  const box = await page.getByRole('link', { name: '跳到正文' }).boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 0 && box.height > 0,
    `focused skip link is not on screen: ${JSON.stringify(box)}`);
  await screenshot(page, 'portal-skip-link-focused');
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).hash, '#main');
  // The next Tab goes into the main content (the first agency link), not back to the header.
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.closest('main') !== null);
  assert.ok(next, 'after the skip link, Tab should land inside <main>');
});
