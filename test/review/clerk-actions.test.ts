// The remaining clerk actions in the browser: choose the account from the registry and link the sender (the next
// mail from that address is then accepted automatically), forward to a department, a photo with zoom, rotate and
// the OCR highlight (PhotoReading as the intake records it in the decision's audit entry).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type { PhotoReading } from '../../src/ocr/types.js';
import { sinkMessages } from '../../scripts/mailserver/index.js';
import { browserLogin, launchBrowser, type Browser } from './browser.js';
import { PASSWORD, httpLogin, messageId, plainMail, webWorld, type WebWorld } from './web-world.js';

let w: WebWorld;
let b: Browser;
let base: string;

beforeAll(async () => {
  w = await webWorld();
  base = w.web.url.replace('localhost', '127.0.0.1');
  b = await launchBrowser();
  await browserLogin(b.page, base, 'boris', PASSWORD);
});

afterAll(async () => {
  await b?.close();
  await w?.cleanup();
});

const itemOf = async (msgId: number): Promise<number> => (await w.store.review.ofMessage(msgId))!.id;

async function sinkMailTo(address: string, marker: string, limitMs = 45_000): Promise<{ subject: string; text: string } | null> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    w.web.deps.kickOutbox();
    for (const file of sinkMessages().reverse()) {
      const raw = readFileSync(file);
      if (!raw.toString('latin1').toLowerCase().includes(address)) continue;
      const mail = await simpleParser(raw);
      if ((mail.text ?? '').includes(marker)) return { subject: mail.subject ?? '', text: mail.text ?? '' };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

describe('clerk actions', () => {
  it('finds the account in the registry, confirms a reading for it and links the sender: the next mail is accepted by itself', async () => {
    const sender = `nina-${Date.now()}@example.ru`;
    const msgId = await w.ingest(plainMail({ from: `Нина <${sender}>`, subject: 'показания', id: messageId('link'), body: 'Мои показания 48400' }));
    const item = await itemOf(msgId);
    const { page } = b;
    await page.goto(`${base}/items/${item}`);
    expect(await page.textContent('.reasons-list')).toContain('Не указан лицевой счёт');
    await page.fill('form.account-lookup input[name=account]', '2701004512');
    await Promise.all([page.waitForNavigation(), page.press('form.account-lookup input[name=account]', 'Enter')]);
    expect(await page.textContent('div.account')).toContain('011234567');
    await Promise.all([page.waitForNavigation(), page.click('form.link-sender button')]);
    expect(await page.textContent('main')).toContain('Адрес отправителя привязан');
    expect(await w.store.registry.accountsOfSender(sender)).toEqual(['2701004512']);
    const [linked] = await w.store.audit.list({ entity: 'review', entityId: item, action: 'review.link_sender' });
    expect(linked).toMatchObject({ actor: 'boris', before: { accounts: [] }, after: { address: sender, accounts: ['2701004512'] } });

    // The account's only meter is preselected; type the value, Enter.
    expect(await page.locator('select[name=meter_0]').inputValue()).not.toBe('');
    await page.focus('#first-value');
    await page.keyboard.type('48400');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await w.store.readings.ofMessage(msgId)).toMatchObject([{ t1: 48400, accountNumber: '2701004512', createdBy: 'boris' }]);

    const next = await w.ingest(plainMail({ from: sender, subject: 'декабрь', id: messageId('linked-next'), body: 'Показания 48450', date: 'Mon, 23 Nov 2026 09:00:00 +1000' }));
    expect((await w.store.messages.get(next))!.decision).toBe('accept');
    expect(await w.store.readings.ofMessage(next)).toMatchObject([{ t1: 48450, accountNumber: '2701004512', createdBy: 'intake' }]);
  });

  it('confirms as is with the billing period of the message\'s receipt (October), not of the click', async () => {
    const msgId = await w.ingest(plainMail({
      from: 'Петров <petrov.av@gmail.com>', subject: 'показания', id: messageId('october'), date: 'Thu, 22 Oct 2026 10:00:00 +1000',
      body: 'Лицевой счёт 2701013377, счётчик 0923457: день 12500, ночь примерно 5400',
    }));
    const item = await itemOf(msgId);
    const { page } = b;
    await page.goto(`${base}/items/${item}`);
    expect(await page.locator('input[name=t2_0]').inputValue()).toBe('5400');
    await Promise.all([page.waitForNavigation(), page.click('#confirm-form button[type=submit]')]);
    expect(await w.store.readings.ofMessage(msgId)).toMatchObject([{ t1: 12500, t2: 5400, period: '2026-10', source: 'text', createdBy: 'boris' }]);
    const meter = (await w.store.registry.metersOfAccount('2701013377')).find((m) => m.meter === '0923457')!;
    expect(meter).toMatchObject({ last: { t1: 12500, t2: 5400 }, lastDate: '2026-10-22' });
    const [audit] = await w.store.audit.list({ entity: 'review', entityId: item });
    expect(audit).toMatchObject({ action: 'review.confirm', after: { period: '2026-10', readingDate: '2026-10-22' } });
    expect((await w.store.messages.get(msgId))!.state).toBe('filed');
  });

  it('lets only admins manage users; disabling a user ends the sessions', async () => {
    const form = (cookie: string, body: Record<string, string>) => ({
      method: 'POST', redirect: 'manual' as const, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString(),
    });
    const clerk = await httpLogin(base, 'anna');
    expect((await fetch(`${base}/admin/users`, { headers: { cookie: clerk.cookie } })).status).toBe(403);
    expect((await fetch(`${base}/admin/users`, form(clerk.cookie, { _csrf: clerk.csrf, login: 'mallory', role: 'admin', password: 'mallory-password' }))).status).toBe(403);
    const admin = await httpLogin(base, 'root');
    expect((await fetch(`${base}/admin/users`, form(admin.cookie, { _csrf: admin.csrf, login: 'vera', role: 'clerk', password: 'short' }))).status).toBe(422);
    expect((await fetch(`${base}/admin/users`, form(admin.cookie, { _csrf: admin.csrf, login: 'vera', role: 'clerk', password: 'vera-password-1' }))).status).toBe(303);
    const vera = await httpLogin(base, 'vera', 'vera-password-1');
    expect(vera.status).toBe(303);
    const id = (await w.store.users.byLogin('vera'))!.id;
    expect((await fetch(`${base}/admin/users/${id}`, form(admin.cookie, { _csrf: admin.csrf, role: 'clerk', active: 'false' }))).status).toBe(303);
    expect((await fetch(`${base}/queue`, { headers: { cookie: vera.cookie }, redirect: 'manual' })).status).toBe(303);
    expect((await httpLogin(base, 'vera', 'vera-password-1')).status).toBe(401);
    expect((await w.store.audit.list({ actor: 'root', action: 'user.update' }))[0]).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it('forwards a complaint to a department and resolves the item', async () => {
    const marker = `жалоба-${Date.now()}`;
    const msgId = await w.ingest(plainMail({ from: 'Сидоров <sidorov@example.ru>', subject: 'Жалоба на начисления', id: messageId('fwd'), body: `Прошу разобраться с начислением за октябрь, ${marker}.` }));
    const item = await itemOf(msgId);
    const { page } = b;
    await page.goto(`${base}/items/${item}`);
    await page.selectOption('form.forward select[name=to]', 'legal@khab.dvec.ru');
    await page.fill('form.forward input[name=note]', 'Проверьте, пожалуйста');
    await Promise.all([page.waitForNavigation(), page.click('form.forward button')]);
    expect(await w.store.review.get(item)).toMatchObject({ status: 'resolved', resolvedBy: 'boris' });
    const mail = await sinkMailTo('legal@khab.dvec.ru', marker);
    expect(mail).not.toBeNull();
    expect(mail!.subject).toBe('Fwd: Жалоба на начисления');
    expect(mail!.text).toContain('Проверьте, пожалуйста');
    expect(mail!.text).toContain('От: sidorov@example.ru');
  });

  it('shows a photo with zoom and rotate and highlights the display the OCR read', async () => {
    const jpeg = readFileSync(path.join(PROJECT_ROOT, 'samples', 'photos', '001-drum.jpg'));
    const id = messageId('photo');
    const raw = Buffer.from([
      'From: a@example.ru', 'To: info@khab.dvec.ru', 'Subject: фото', 'Date: Sun, 22 Nov 2026 10:00:00 +1000', `Message-ID: <${id}>`,
      'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="B"', '', '--B', 'Content-Type: text/plain; charset=utf-8', '', 'Фото счётчика.', '',
      '--B', 'Content-Type: image/jpeg; name="meter.jpg"', 'Content-Disposition: attachment; filename="meter.jpg"', 'Content-Transfer-Encoding: base64', '',
      jpeg.toString('base64').replace(/.{76}/g, '$&\r\n'), '--B--', '',
    ].join('\r\n'));
    const msgId = await w.ingest(raw);
    const item = await itemOf(msgId);
    // What the intake records once the OCR has read the photo (apply-decision: photoReadings in the decision entry).
    const reading: PhotoReading = {
      attachmentIndex: 0, problem: null, display: 'drum', candidates: [{ digits: '048213', value: 48213, confidence: 0.91 }],
      digitConfidence: [0.9, 0.9, 0.9, 0.9, 0.9, 0.9], serial: null, zone: null, crop: { left: 100, top: 200, width: 300, height: 80 },
      imageWidth: 800, imageHeight: 600, ms: 300,
    };
    await w.store.audit.append({ actor: 'intake', action: 'decide', entity: 'message', entityId: msgId, after: { decision: 'review', reasons: ['photo_not_read'], readings: [], photoReadings: [reading] } });
    const { page } = b;
    b.outside.length = 0;
    await page.goto(`${base}/items/${item}`);
    const img = page.locator('figure.photo img');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    const rect = page.locator('figure.photo svg.crop rect.crop-box');
    expect(await rect.getAttribute('x')).toBe('100');
    expect(await page.locator('figure.photo svg.crop').getAttribute('viewBox')).toBe('0 0 800 600');
    // The highlight covers the crop's share of the shown photo (give or take its outline).
    const [imgBox, rectBox] = [await img.boundingBox(), await rect.boundingBox()];
    const centre = rectBox!.x + rectBox!.width / 2 - imgBox!.x;
    expect(Math.abs(centre - (250 / 800) * imgBox!.width)).toBeLessThan(2);
    expect(Math.abs(rectBox!.width - (300 / 800) * imgBox!.width)).toBeLessThan(8);
    expect(Math.abs(rectBox!.y + rectBox!.height / 2 - imgBox!.y - (240 / 600) * imgBox!.height)).toBeLessThan(2);
    expect(await page.textContent('figure.photo figcaption')).toContain('048213');

    await page.click('figure.photo [data-photo=rotate]');
    await page.click('figure.photo [data-photo=zoom-in]');
    expect(await page.locator('.photo-stage').evaluate((e) => (e as HTMLElement).style.transform)).toBe('scale(1.5) rotate(90deg)');
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('x');
    expect(await page.locator('figure.photo').getAttribute('data-rotate')).toBe('180');
    expect(b.outside).toEqual([]);
    const cookie = (await b.context.cookies()).filter((c) => c.name === 'sid').map((c) => `${c.name}=${c.value}`).join('; ');
    const photo = await fetch(`${base}/items/${item}/photos/0`, { headers: { cookie } });
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
