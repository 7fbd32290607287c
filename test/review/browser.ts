// Debian's chromium driven by playwright-core: headless, no background traffic, a fresh profile per launch, and a
// log of every request — any that leaves 127.0.0.1 is aborted and recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every URL the browser asked for (http, https, ws…). */
  requests: string[];
  /** Requests to anywhere but 127.0.0.1, aborted. */
  outside: string[];
  dialogs: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'khab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
    ],
    acceptDownloads: true,
  });
  const requests: string[] = [];
  const outside: string[] = [];
  const dialogs: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch { /* data: and the like have no host */ }
    if (host !== '127.0.0.1' && !url.startsWith('data:')) {
      outside.push(url);
      return route.abort();
    }
    return route.continue();
  });
  context.on('request', (r) => {
    if (!requests.includes(r.url())) requests.push(r.url());
  });
  context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); }));
  const page = context.pages()[0] ?? await context.newPage();
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  return {
    context, page, requests, outside, dialogs,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Logs in through the form, keyboard only: login, Tab, password, Enter. */
export async function browserLogin(page: Page, base: string, login: string, password: string): Promise<void> {
  await page.goto(`${base}/queue`);
  await page.waitForSelector('#login:focus');
  await page.keyboard.type(login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}
