// The clerk UI end to end: Debian chromium (playwright-core) against the real server, database and SMTP sink.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { log } from '../../src/log.js';
import { startWeb } from '../../src/review/start-web.js';
import { browserLogin, launchBrowser, type Browser } from './browser.js';
import { HOSTILE_FILENAME, HOSTILE_SUBJECT, hostileMail } from './hostile-mail.js';
import { PASSWORD, httpLogin, messageId, plainMail, sinkReplyTo, webWorld, type WebWorld } from './web-world.js';

let w: WebWorld;
let b: Browser;
let base: string;

const itemOf = async (msgId: number): Promise<number> => (await w.store.review.ofMessage(msgId))!.id;

beforeAll(async () => {
  w = await webWorld();
  base = w.web.url.replace('localhost', '127.0.0.1');
  b = await launchBrowser();
});

afterAll(async () => {
  await b?.close();
  await w?.cleanup();
});

describe('clerk UI', () => {
  it('sends every route without a session to the login page; health, readiness and metrics are open', async () => {
    const gets = ['/', '/queue', '/items/1', '/items/1/body.html', '/items/1/attachments/0', '/items/1/photos/0', '/items/next', '/audit', '/admin/users', '/nope', '/static/../queue'];
    for (const path of gets) {
      const res = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect([path, res.status]).toEqual([path, 303]);
      expect(res.headers.get('location')).toMatch(/^\/login/);
    }
    const posts = ['/items/1/confirm', '/items/1/reject', '/items/1/close', '/items/1/forward', '/items/1/link-sender', '/items/1/lock', '/admin/users', '/admin/users/1', '/logout'];
    for (const path of posts) {
      for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
        const res = await fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': type }, body: 'a=1' });
        expect([path, type, res.status]).toEqual([path, type, 303]);
        expect(res.headers.get('location')).toBe('/login');
      }
    }
    for (const path of ['/healthz', '/readyz', '/metrics']) expect((await fetch(`${base}${path}`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('review_items_open');
  });

  it('logs in by keyboard, corrects a value and confirms: reading stored, registry advanced, reply delivered to the sink', async () => {
    const id = messageId('correct');
    const msgId = await w.ingest(plainMail({ from: 'Иванова <ivanova.tn@mail.ru>', subject: 'Показания за ноябрь', id, body: 'Лицевой счёт 2701004512, счётчик 011234567, показания примерно 48300' }));
    const item = await itemOf(msgId);
    const { page } = b;
    await browserLogin(page, base, 'anna', PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/queue');
    await page.click(`a[href="/items/${item}"] >> nth=0`);
    expect(await page.textContent('#lock-mine')).toContain('закреплено за вами');
    // The extracted value is prefilled and focused; the clerk types over it and presses Enter.
    const first = page.locator('#first-value');
    await first.waitFor();
    expect(await first.inputValue()).toBe('48300');
    await first.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('48350');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.textContent('main')).toMatch(/Исправленные показания подтверждены|Открытых обращений больше нет/);

    const readings = await w.store.readings.ofMessage(msgId);
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({ t1: 48350, source: 'clerk', createdBy: 'anna', period: '2026-11', status: 'effective', accountNumber: '2701004512' });
    const meter = (await w.store.registry.metersOfAccount('2701004512'))[0]!;
    expect(meter.last.t1).toBe(48350);
    expect(meter.lastDate).toBe('2026-11-22');
    expect((await w.store.review.get(item))).toMatchObject({ status: 'resolved', resolvedBy: 'anna' });
    const [audit] = await w.store.audit.list({ entity: 'review', entityId: item });
    expect(audit).toMatchObject({ actor: 'anna', action: 'review.correct' });
    expect(audit!.before).toMatchObject({ readings: [{ t1: 48300 }] });
    expect(audit!.after).toMatchObject({ readings: [{ t1: 48350 }], period: '2026-11', replyQueued: true });
    const reply = await sinkReplyTo(id, () => w.web.deps.kickOutbox());
    expect(reply).not.toBeNull();
    expect(reply!.to).toBe('ivanova.tn@mail.ru');
    expect(reply!.text).toContain('48350');
    expect(reply!.text).toContain('показания приняты');
  });

  it('rejects with an edited template reply, keyboard shortcut r', async () => {
    const id = messageId('reject');
    const msgId = await w.ingest(plainMail({ from: 'Петров <petrov.av@gmail.com>', subject: 'Вопрос', id, body: 'Здравствуйте, когда будет перерасчёт за октябрь?' }));
    const item = await itemOf(msgId);
    const { page } = b;
    await page.goto(`${base}/items/${item}`);
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reject-text');
    await page.selectOption('#reject-template', 'no_account');
    const text = page.locator('#reject-text');
    expect(await text.inputValue()).toContain('не указан лицевой счёт');
    await text.fill(`${await text.inputValue()}\nВопрос о перерасчёте передан в абонентский отдел.`);
    await Promise.all([page.waitForNavigation(), page.click('#reject-submit')]);
    expect(await w.store.review.get(item)).toMatchObject({ status: 'resolved', resolvedBy: 'anna' });
    const [audit] = await w.store.audit.list({ entity: 'review', entityId: item });
    expect(audit).toMatchObject({ actor: 'anna', action: 'review.reject' });
    const reply = await sinkReplyTo(id, () => w.web.deps.kickOutbox());
    expect(reply).not.toBeNull();
    expect(reply!.to).toBe('petrov.av@gmail.com');
    expect(reply!.text).toContain('передан в абонентский отдел');
    expect(reply!.autoSubmitted).toBe(''); // a person wrote it
    expect(await w.store.readings.ofMessage(msgId)).toHaveLength(0);
  });

  it('shows hostile mail without running anything or loading anything from outside', async () => {
    const id = messageId('hostile');
    const msgId = await w.ingest(hostileMail(id));
    const item = await itemOf(msgId);
    const { page } = b;
    b.outside.length = 0;
    b.dialogs.length = 0;
    await page.goto(`${base}/queue`);
    expect(await page.textContent('table.queue')).toContain(HOSTILE_SUBJECT);
    await page.goto(`${base}/items/${item}`);
    const frame = page.frameLocator('iframe.body-html');
    await frame.locator('p', { hasText: 'Здравствуйте! Показания во вложении.' }).waitFor();
    // Give anything that might fire (onload, refresh, CSS) its chance.
    await page.waitForTimeout(1500);
    await frame.locator('span', { hasText: 'нажмите' }).click().catch(() => undefined);
    await page.waitForTimeout(300);

    const top = await page.evaluate(() => ({
      pwned: document.body.dataset['pwned'] ?? null,
      scripts: Array.from(document.scripts).map((s) => s.getAttribute('src')),
      handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
      title: document.title,
    }));
    expect(top).toEqual({ pwned: null, scripts: ['/static/app.js'], handlers: 0, title: `Обращение ${item} — показания по e-mail` });
    expect(await page.textContent('table.headers')).toContain(HOSTILE_SUBJECT);
    expect(await page.textContent('ul.attachments')).toContain(HOSTILE_FILENAME);

    const frameHandle = page.frames().find((f) => f.url().endsWith(`/items/${item}/body.html`))!;
    const inside = await frameHandle.evaluate(() => ({
      pwned: document.body.dataset['pwned'] ?? null,
      dangerous: document.body.querySelectorAll('script,style,link,meta,base,iframe,object,embed,form,svg,math,video,[onerror],[onload],[href],[style*="url"]').length,
      head: Array.from(document.head.children).map((e) => e.tagName.toLowerCase()).join(','),
      onAttributes: Array.from(document.querySelectorAll('*')).flatMap((e) => e.getAttributeNames()).filter((n) => n.startsWith('on')).length,
      images: Array.from(document.images).map((i) => ({ data: i.src.startsWith('data:image/png'), loaded: i.naturalWidth > 0 })),
      blocked: document.body.textContent?.includes('[внешнее изображение заблокировано]') ?? false,
    }));
    expect(inside.pwned).toBeNull();
    expect(inside.dangerous).toBe(0);
    expect(inside.head).toBe('meta,meta,style'); // ours: charset, referrer, the fixed stylesheet
    expect(inside.onAttributes).toBe(0);
    expect(inside.images).toEqual([{ data: true, loaded: true }]); // the message's own cid: logo, nothing else
    expect(inside.blocked).toBe(true);

    expect(b.dialogs).toEqual([]);
    expect(b.outside).toEqual([]);
    expect(b.requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'))).toEqual([]);

    // The frame's own policy, and attachments only ever as downloads.
    const cookie = (await b.context.cookies()).filter((c) => c.name === 'sid').map((c) => `${c.name}=${c.value}`).join('; ');
    const frameRes = await fetch(`${base}/items/${item}/body.html`, { headers: { cookie } });
    expect(frameRes.headers.get('content-security-policy')).toMatch(/default-src 'none'; img-src data:; style-src 'unsafe-inline'.*sandbox/);
    expect((await fetch(`${base}/items/${item}/photos/1`, { headers: { cookie } })).status).toBe(404); // the SVG is no photo
    for (const n of [1, 2]) {
      const att = await fetch(`${base}/items/${item}/attachments/${n}`, { headers: { cookie } });
      expect(att.status).toBe(200);
      expect(att.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"\\/<>]*"; filename\*=UTF-8''/);
      expect(att.headers.get('content-type')).toBe('application/octet-stream');
      expect(att.headers.get('x-content-type-options')).toBe('nosniff');
      expect(att.headers.get('content-security-policy')).toContain('sandbox');
    }
    const att = page.locator('ul.attachments a').nth(1);
    const [download] = await Promise.all([page.waitForEvent('download'), att.click()]);
    expect(download.suggestedFilename()).not.toMatch(/[<>"/]/);
    await page.waitForTimeout(300);
    expect(b.dialogs).toEqual([]);
    expect(b.outside).toEqual([]);
  });

  it('refuses a form without the CSRF token, and one with a wrong token', async () => {
    const msgId = await w.ingest(plainMail({ from: 'x@example.ru', subject: 'csrf', id: messageId('csrf'), body: 'Когда придёт квитанция?' }));
    const item = await itemOf(msgId);
    const s = await httpLogin(base, 'boris');
    expect(s.csrf).not.toBe('');
    await fetch(`${base}/items/${item}`, { headers: { cookie: s.cookie } }); // takes the lock
    for (const body of [{ reason: 'spam' }, { reason: 'spam', _csrf: 'forged' }, { reason: 'spam', _csrf: s.csrf.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }]) {
      const res = await fetch(`${base}/items/${item}/close`, {
        method: 'POST', redirect: 'manual', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body as Record<string, string>).toString(),
      });
      expect(res.status).toBe(403);
    }
    expect((await w.store.review.get(item))!.status).toBe('open');
    // The page's script renews the lock with the token in a header; without it, refused.
    expect((await fetch(`${base}/items/${item}/lock`, { method: 'POST', headers: { cookie: s.cookie } })).status).toBe(403);
    const renewed = await fetch(`${base}/items/${item}/lock`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(await renewed.json()).toMatchObject({ ok: true });
    const ok = await fetch(`${base}/items/${item}/close`, {
      method: 'POST', redirect: 'manual', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ reason: 'not_reading', _csrf: s.csrf }).toString(),
    });
    expect(ok.status).toBe(303);
    expect((await w.store.review.get(item))!.status).toBe('resolved');
  });

  it('shows the second clerk who holds the lock, and refuses the second clerk\'s action', async () => {
    const msgId = await w.ingest(plainMail({ from: 'y@example.ru', subject: 'lock', id: messageId('lock'), body: 'Прошу сверить оплату.' }));
    const item = await itemOf(msgId);
    const { page } = b; // anna
    await page.goto(`${base}/items/${item}`);
    expect(await page.textContent('#lock-mine')).toContain('закреплено за вами');
    const boris = await httpLogin(base, 'boris');
    const html = await (await fetch(`${base}/items/${item}`, { headers: { cookie: boris.cookie } })).text();
    expect(html).toContain('id="lock-holder"');
    expect(html).toMatch(/открыто специалистом <b>anna<\/b>/);
    expect(html).not.toContain('id="confirm-form"');
    const res = await fetch(`${base}/items/${item}/close`, {
      method: 'POST', redirect: 'manual', headers: { cookie: boris.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ reason: 'spam', _csrf: boris.csrf }).toString(),
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('открыто другим специалистом: anna');
    expect((await w.store.review.get(item))!.status).toBe('open');
    // The queue shows the holder too.
    const queue = await (await fetch(`${base}/queue?q=y@example.ru`, { headers: { cookie: boris.cookie } })).text();
    expect(queue).toMatch(/<td>anna<\/td>/);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, and Secure when the request came over TLS', async () => {
    const quiet = log.child({ stage: 'web-test' });
    quiet.level = 'silent';
    const proxied = await startWeb({ ...w.settings, WEB_TRUST_PROXY: true }, w.store, quiet, { port: 0 });
    try {
      const url = proxied.url.replace('localhost', '127.0.0.1');
      const cookieOf = async (headers: Record<string, string>) => {
        const form = await fetch(`${url}/login`, { headers });
        const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
        const res = await fetch(`${url}/login`, {
          method: 'POST', redirect: 'manual',
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: (form.headers.get('set-cookie') ?? '').split(';')[0]! },
          body: new URLSearchParams({ _csrf: csrf, login: 'anna', password: PASSWORD }).toString(),
        });
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe('/queue');
        return res.headers.getSetCookie().find((c) => c.startsWith('sid='))!;
      };
      const plain = await cookieOf({});
      expect(plain).toMatch(/; HttpOnly/);
      expect(plain).toMatch(/; SameSite=Strict/);
      expect(plain).not.toMatch(/; Secure/);
      expect(await cookieOf({ 'x-forwarded-proto': 'https' })).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('rate-limits wrong passwords: after 3 failures even the right password is refused for a while', async () => {
    const other = await w.another();
    const url = other.url.replace('localhost', '127.0.0.1');
    for (let i = 0; i < 3; i++) expect((await httpLogin(url, 'root', `wrong-${i}-password`)).status).toBe(401);
    expect((await httpLogin(url, 'root')).status).toBe(429);
    expect((await httpLogin(url, 'nobody-at-all')).status).toBe(429); // the client address is limited too
    await other.close();
  });
});
