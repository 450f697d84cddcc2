// Helpers shared by the application browser tests (applications*.test.mjs): the demo's township,
// a valid ID number, unique titles, submitting a form and waiting for the page that comes back,
// opening a step form on the case page, and filling and registering an application.
export const CIZHONG = '三门峡市湖滨区磁钟乡人民政府';
export const VALID_ID = '11010519491231002X';  // GB 11643's example, with its check character
export const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

export async function logout(page) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '退出' }).click()]);
}

// Submits a form by its button and waits for the page that comes back.
export async function press(page, locator) {
  await Promise.all([page.waitForEvent('framenavigated'), locator.click()]);
  await page.waitForLoadState('load');
}

// Opens a step form on the case page (a <details>) and returns it.
export async function step(page, summary) {
  const details = page.locator('details.action', {
    has: page.locator('summary', { hasText: new RegExp(`^${summary}$`) }),
  });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
}

// The path of 磁钟乡's application form, found the way the public finds it.
export async function applyPath(page) {
  await page.goto('/');
  await page.getByRole('link', { name: CIZHONG, exact: true }).click();
  await page.waitForURL(/\/agencies\/\d+$/);
  return `${new URL(page.url()).pathname}/apply`;
}

export async function fillPerson(page, { name, id, phone = '13800138000', title }) {
  await page.getByLabel('公民（自然人）').check();
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('证件号码').fill(id);
  await page.getByLabel('联系电话').fill(phone);
  await page.getByLabel('通信地址').fill('三门峡市湖滨区磁钟乡磁钟村3组');
  await page.getByLabel('所需政府信息的名称').fill(title);
}

// The clerk registers a walk-in application; returns the case page's path.
export async function registerWalkIn(page, { name, id = VALID_ID, title }) {
  await page.goto('/admin/applications/new');
  await page.getByRole('heading', { level: 1, name: '登记政府信息公开申请' }).waitFor();
  await page.getByLabel('申请方式').selectOption('in_person');
  await fillPerson(page, { name, id, title });
  await press(page, page.getByRole('button', { name: '保存登记' }));
  await page.waitForURL(/\/admin\/applications\/\d+\?done=registered$/);
  return new URL(page.url()).pathname;
}
