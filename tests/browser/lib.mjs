// Shared helpers for the browser tests: launch Debian's Chromium through playwright-core (no browser
// download), log in as a demo account, and save screenshots to tests/browser/out/.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

export const BASE_URL = (process.env.GONGKAI_URL || '').replace(/\/+$/, '');
if (!BASE_URL) {
  throw new Error('GONGKAI_URL is not set: run the tests through tests/browser/run.sh');
}
export const OUT_DIR = process.env.GONGKAI_SCREENSHOTS || path.join(here, 'out');
export const DEMO_PASSWORD = 'gongkai-demo';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = {
  viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3,
};

// Opens a fresh browser profile (temp user-data dir); closed and removed by t.after.
export async function openBrowser(t, device = DESKTOP) {
  const dir = await mkdtemp(path.join(tmpdir(), 'gongkai-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: BASE_URL,
    ...device,
  });
  context.setDefaultTimeout(10_000);
  const consoleErrors = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (msg) => {
    // Chromium logs every 4xx/5xx load as a console error; those are collected below, by URL.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  // Failed subresources, by URL. /favicon.ico is requested by the browser itself; it is reported
  // separately (missingFavicon) rather than failing every page.
  const failed = [];
  let missingFavicon = false;
  context.on('response', (res) => {
    if (res.status() < 400) return;
    const url = new URL(res.url());
    if (url.pathname === '/favicon.ico') { missingFavicon = true; return; }
    if (res.request().resourceType() !== 'document') failed.push(`${res.status()} ${url.pathname}${url.search}`);
  });
  t.after(async () => {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { context, page, consoleErrors, failed, get missingFavicon() { return missingFavicon; } };
}

export async function screenshot(page, name) {
  await mkdir(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// Logs in through the form, as a user would; returns after landing on /admin.
export async function login(page, username, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin'),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
}

// The page's horizontal overflow in CSS pixels (0 when nothing sticks out). With isMobile, Chromium
// widens the layout viewport to fit wide content (innerWidth grows with it), so the comparison is
// against the smaller of innerWidth and the emulated screen width.
export async function horizontalOverflow(page) {
  const screenWidth = page.viewportSize()?.width ?? Infinity;
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  return scrollWidth - Math.min(innerWidth, screenWidth);
}

// Elements that stick out of the viewport on the right, for a readable failure message.
export async function overflowingElements(page) {
  const screenWidth = page.viewportSize()?.width ?? 1e9;
  return page.evaluate((screenWidth) => {
    const width = Math.min(window.innerWidth, screenWidth);
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5)) {
        out.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} right=${Math.round(r.right)}`);
      }
    }
    return out.slice(0, 10).join(', ');
  }, screenWidth);
}
