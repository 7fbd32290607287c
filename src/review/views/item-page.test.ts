// The item page from a fixture: the OCR highlight over a photo (PhotoReading.crop, coordinated only through
// src/ocr/types.ts), and customer text always escaped.
import { describe, expect, it } from 'vitest';
import type { PhotoReading } from '../../ocr/types.js';
import type { ItemView } from '../services/load-item.js';
import { itemPage } from './item-page.js';

const reading: PhotoReading = {
  attachmentIndex: 0, problem: null, display: 'drum', candidates: [{ digits: '048213', value: 48213, confidence: 0.93 }],
  digitConfidence: [0.9, 0.95, 0.93, 0.97, 0.92, 0.94], serial: '011234567', zone: null,
  crop: { left: 120, top: 340, width: 610, height: 140 }, imageWidth: 1000, imageHeight: 1333, ms: 420,
};

function view(photo: PhotoReading | null): ItemView {
  const now = new Date('2026-11-22T00:00:00Z');
  return {
    item: { id: 7, messageId: 3, status: 'open', reasons: ['photo_not_read'], lockedBy: 'anna', lockedUntil: now, resolvedBy: null, resolvedAt: null, createdAt: now },
    message: {
      id: 3, messageIdHeader: 'x@y', fromAddress: 'a@b.ru', subject: '<script>alert(1)</script>', receivedAt: now, dateHeader: now,
      createdAt: now, state: 'filed', outcomeFolder: 'Review',
    },
    parsed: {
      messageId: 'x@y', subject: '<script>alert(1)</script>', from: { address: 'a@b.ru', name: null }, replyTo: null, to: [], date: now, headers: {},
      contentType: 'multipart/mixed', text: '', quoted: '', signature: '', fullText: 'Фото счётчика <b>во вложении</b>', html: null,
      attachments: [], attachmentText: '', problems: [],
    },
    headers: [{ name: 'subject', value: '<script>alert(1)</script>' }],
    attachments: [{ index: 0, filename: '<img src=x onerror=alert(1)>.jpg', contentType: 'image/jpeg', size: 123456, photo: true, reading: photo }],
    reasons: [{ code: 'photo_not_read', text: 'Показания только на фото' }],
    extracted: [], period: '2026-11', accounts: [], senderAccounts: [], meterOptions: [],
    lock: { mine: true, holder: 'anna', until: now }, history: [], resolution: null,
  };
}

const ctx = { session: null, timeZone: 'Asia/Vladivostok' };

describe('item page', () => {
  it('highlights the display the OCR found, in the photo\'s own coordinates, with the digits read', () => {
    const page = itemPage(ctx, view(reading), { forwardTo: [] });
    expect(page).toContain('<svg class="crop" viewBox="0 0 1000 1333" preserveAspectRatio="none" aria-hidden="true"><rect class="crop-box" x="120" y="340" width="610" height="140"/></svg>');
    expect(page).toContain('распознано: <b>048213</b> (уверенность 93%)');
    expect(page).toContain('<img src="/items/7/photos/0"');
    expect(page).toContain('data-photo="rotate"');
  });

  it('marks another meter\'s counter in the photo apart, with its digits and serial', () => {
    const other = { display: 'drum' as const, candidates: [{ digits: '000860', value: 860, confidence: 0.87 }], digitConfidence: [], serial: '12010293', serialConfidence: 0.99, zone: null, crop: { left: 800, top: 900, width: 150, height: 60 } };
    const page = itemPage(ctx, view({ ...reading, otherCounters: [other] }), { forwardTo: [] });
    expect(page).toContain('<rect class="crop-box other" x="800" y="900" width="150" height="60"/>');
    expect(page).toContain('ещё счётчик на фото (пунктир): <b>000860</b> (уверенность 87%) · № 12010293');
    expect(itemPage(ctx, view(reading), { forwardTo: [] })).not.toContain('crop-box other');
    const unread = itemPage(ctx, view({ ...reading, otherCounters: [{ ...other, serial: null }] }), { forwardTo: [] });
    expect(unread).toContain('ещё счётчик на фото (пунктир): <b>000860</b> (уверенность 87%)<');
  });

  it('shows a photo without a reading with zoom and rotate but no highlight', () => {
    const page = itemPage(ctx, view(null), { forwardTo: [] });
    expect(page).toContain('data-photo="zoom-in"');
    expect(page).not.toContain('crop-box');
  });

  it('escapes the subject, the body and the file name', () => {
    const page = itemPage(ctx, view(null), { forwardTo: [] });
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Фото счётчика &lt;b&gt;во вложении&lt;/b&gt;');
  });
});
