import { describe, expect, it } from 'vitest';
import { renderReply, type AcceptedReading } from './render-reply.js';

const window = { startDay: 20, endDay: 25, timeZone: 'Asia/Vladivostok' };

const twoZone: AcceptedReading = {
  account: '2701013377', meter: '0923457', kind: 'electricity', zones: 2,
  t1: 12500, t2: 5400, t3: null, previous: { t1: 12402, t2: 5311, t3: null },
};

describe('renderReply: accepted', () => {
  it('names account, meter, each zone with its consumption, and the billing period', () => {
    const reply = renderReply({ template: 'accepted', originalSubject: 'Показания', period: '2026-11', readings: [twoZone] });
    expect(reply.subject).toBe('Re: Показания');
    expect(reply.text).toBe([
      'Здравствуйте!',
      '',
      'Ваше письмо «Показания» получено, показания приняты. Спасибо!',
      '',
      'Лицевой счёт 2701013377, счётчик электроэнергии № 0923457:',
      '  – День: 12500 (расход с прошлого показания: 98 кВт·ч)',
      '  – Ночь: 5400 (расход с прошлого показания: 89 кВт·ч)',
      '',
      'Расчётный период: ноябрь 2026 г.',
      '',
      'Это письмо сформировано автоматически.',
      '',
      '-- ',
      'С уважением,',
      'Хабаровскэнергосбыт (филиал ПАО «ДЭК»)',
      '',
    ].join('\n'));
    expect(reply.html).toContain('<li>День: 12500 (расход с прошлого показания: 98 кВт·ч)</li>');
    expect(reply.html).toContain('Хабаровскэнергосбыт (филиал ПАО «ДЭК»)');
  });

  it('names the three zones, and a single-zone meter\'s value plainly', () => {
    const reply = renderReply({
      template: 'accepted', originalSubject: '', period: '2026-01', readings: [
        { account: '2701020458', meter: 'ЕМ-123456', kind: 'electricity', zones: 3, t1: 23500, t2: 1010, t3: 505, previous: { t1: 23480, t2: 1000, t3: 500 } },
        { account: '2701004512', meter: '011234567', kind: 'electricity', zones: 1, t1: 48300, t2: null, t3: null, previous: { t1: 48213, t2: null, t3: null } },
      ],
    });
    expect(reply.subject).toBe('Показания приняты');
    expect(reply.text).toContain('  – День: 23500 (расход с прошлого показания: 20 кВт·ч)\n  – Ночь: 1010 (расход с прошлого показания: 10 кВт·ч)\n  – Полупик: 505 (расход с прошлого показания: 5 кВт·ч)');
    expect(reply.text).toContain('  – Показание: 48300 (расход с прошлого показания: 87 кВт·ч)');
    expect(reply.text).toContain('Расчётный период: январь 2026 г.');
    expect(reply.text).toContain('Ваше письмо получено, показания приняты.');
  });

  it('leaves consumption out when the previous value is unknown; heat has no kWh', () => {
    const reply = renderReply({
      template: 'accepted', originalSubject: 'x', period: '2026-11', readings: [
        { ...twoZone, previous: { t1: null, t2: 5311, t3: null } },
        { account: '2701013377', meter: '20931', kind: 'heat', zones: 1, t1: 115, t2: null, t3: null, previous: { t1: 112, t2: null, t3: null } },
        { account: '2701013377', meter: '555', kind: 'electricity', zones: 1, t1: 7, t2: null, t3: null, previous: null },
      ],
    });
    expect(reply.text).toContain('  – День: 12500\n  – Ночь: 5400 (расход с прошлого показания: 89 кВт·ч)');
    expect(reply.text).toContain('счётчик тепловой энергии № 20931:\n  – Показание: 115 (расход с прошлого показания: 3)\n');
    expect(reply.text).toContain('№ 555:\n  – Показание: 7\n');
  });
});

describe('renderReply: rejected', () => {
  it('states the window rule and the next window after a late message', () => {
    const reply = renderReply({ template: 'rejected', originalSubject: 'показания за ноябрь', at: new Date('2026-11-27T03:00:00Z'), window });
    expect(reply.subject).toBe('Re: показания за ноябрь');
    expect(reply.text).toContain('Показания принимаются с 20 по 25 число каждого месяца.');
    expect(reply.text).toContain('Пожалуйста, передайте их снова с 20.12.2026 по 25.12.2026.');
  });

  it('names this month\'s window before it opens, the next year\'s after December\'s, and the configured days', () => {
    const early = renderReply({ template: 'rejected', originalSubject: null, at: new Date('2026-11-10T03:00:00Z'), window });
    expect(early.text).toContain('с 20.11.2026 по 25.11.2026');
    expect(early.subject).toBe('Показания не приняты: приём с 20 по 25 число');
    const december = renderReply({ template: 'rejected', originalSubject: null, at: new Date('2026-12-31T03:00:00Z'), window });
    expect(december.text).toContain('с 20.01.2027 по 25.01.2027');
    const custom = renderReply({ template: 'rejected', originalSubject: null, at: new Date('2026-11-27T03:00:00Z'), window: { ...window, startDay: 15, endDay: 26 } });
    expect(custom.text).toContain('Показания принимаются с 15 по 26 число каждого месяца.');
    expect(custom.text).toContain('с 15.12.2026 по 26.12.2026');
  });
});

describe('renderReply: review and the subject', () => {
  it('says a specialist will check the message', () => {
    const reply = renderReply({ template: 'review', originalSubject: 'Вопрос по счёту' });
    expect(reply.subject).toBe('Re: Вопрос по счёту');
    expect(reply.text).toContain('Ваше письмо «Вопрос по счёту» получено, специалист проверит его.');
    expect(reply.text).toContain('Это письмо сформировано автоматически.');
  });

  it('never lets a hostile subject become markup', () => {
    const reply = renderReply({ template: 'review', originalSubject: '<script>alert("x")</script> & <b onclick=\'y\'>' });
    expect(reply.html).not.toMatch(/<script|<b /);
    expect(reply.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=&#39;y&#39;&gt;');
    // The plain-text part and the subject carry the text as written.
    expect(reply.subject).toBe('Re: <script>alert("x")</script> & <b onclick=\'y\'>');
    expect(reply.text).toContain('«<script>alert("x")</script> & <b onclick=\'y\'>»');
  });

  it('escapes registry values too', () => {
    const reply = renderReply({ template: 'accepted', originalSubject: '', period: '2026-11', readings: [{ ...twoZone, meter: '<i>1</i>' }] });
    expect(reply.html).toContain('№ &lt;i&gt;1&lt;/i&gt;:');
  });

  it('keeps one "Re:", one line, and a sane length', () => {
    expect(renderReply({ template: 'review', originalSubject: 'RE: Re[2]: Ответ: показания' }).subject).toBe('Re: показания');
    expect(renderReply({ template: 'review', originalSubject: 'a\r\nBcc: victim@example.com' }).subject).toBe('Re: a Bcc: victim@example.com');
    const long = renderReply({ template: 'review', originalSubject: 'я'.repeat(500) }).subject;
    expect(Array.from(long)).toHaveLength(4 + 120);
    expect(long.endsWith('я…')).toBe(true);
    expect(renderReply({ template: 'review', originalSubject: '  Re:  ' }).subject).toBe('Ваше письмо получено');
  });
});
