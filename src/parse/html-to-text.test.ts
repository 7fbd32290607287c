import { describe, expect, it } from 'vitest';
import { htmlToText, QUOTE_CUT } from './html-to-text.js';

describe('htmlToText', () => {
  it('keeps line breaks of br, p and div', () => {
    expect(htmlToText('<div>Добрый день<br>Т1 100</div><p>Т2 200</p><div>Т3 300</div>'))
      .toBe('Добрый день\nТ1 100\nТ2 200\nТ3 300');
  });

  it('puts each table row on one line with " | " between cells', () => {
    const html = '<table><tr><th>Счётчик</th><th>Т1</th></tr><tr><td>011234</td><td><p><b>12345</b></p></td></tr></table>';
    expect(htmlToText(html)).toBe('Счётчик | Т1\n011234 | 12345');
  });

  it('keeps layout tables (one filled cell per row) as blocks', () => {
    const html = '<table><tr><td><div>Строка 1</div><div>Строка 2</div></td><td></td></tr></table>';
    expect(htmlToText(html)).toBe('Строка 1\nСтрока 2');
  });

  it('renders lists as lines', () => {
    expect(htmlToText('<ul><li>один</li><li>два</li></ul><ol><li>три</li></ol>')).toBe('- один\n- два\n 1. три');
  });

  it('drops head, style, script, image alt text and link URLs; decodes entities', () => {
    const html = '<html><head><title>T</title><style>p{}</style></head><body><script>x()</script>'
      + '<p>&laquo;Показания&raquo;&nbsp;&amp; <a href="https://track.example/?id=1">сайт</a>'
      + '<img src="cid:1" alt="image001.png"></p></body></html>';
    expect(htmlToText(html)).toBe('«Показания» & сайт');
  });

  it('does not upper-case headings or header cells', () => {
    expect(htmlToText('<h1>Показания</h1><table><tr><th>Зона</th><th>День</th></tr></table>')).toBe('Показания\nЗона | День');
  });

  it('turns blockquotes and gmail_quote into "> " lines', () => {
    const html = '<div>Новые 200</div><div class="gmail_quote"><div class="gmail_attr">On Tue wrote:</div>'
      + '<blockquote class="gmail_quote"><div>Старые 100</div></blockquote></div>';
    expect(htmlToText(html)).toBe('Новые 200\n> On Tue wrote:\n> > Старые 100');
  });

  it('marks Thunderbird cite prefix as quoted', () => {
    const html = '<p>Новые</p><div class="moz-cite-prefix">24.11.2026 10:00, X wrote:<br></div>'
      + '<blockquote type="cite">Старые</blockquote>';
    expect(htmlToText(html)).toBe('Новые\n> 24.11.2026 10:00, X wrote:\n> Старые');
  });

  it('puts the cut marker before Outlook web history', () => {
    const html = '<p>Новые</p><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> X</div><div>Старые</div>';
    const lines = htmlToText(html).split('\n');
    expect(lines.slice(0, 2)).toEqual(['Новые', QUOTE_CUT]);
    expect(lines.slice(-2)).toEqual(['From: X', 'Старые']);
  });

  it('puts the cut marker before an Outlook desktop header block only', () => {
    const divider = (inner: string): string =>
      `<p>Новые</p><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">${inner}</div><p>Старые</p>`;
    expect(htmlToText(divider('<p><b>От:</b> X<br><b>Отправлено:</b> 24 ноября 2026 г. 10:00</p>'))).toContain(QUOTE_CUT);
    expect(htmlToText(divider('<p>Итого за месяц</p>'))).not.toContain(QUOTE_CUT);
  });

  it('survives pathological nesting without throwing', () => {
    const html = '<div>'.repeat(20_000) + 'глубоко' + '</div>'.repeat(20_000);
    expect(() => htmlToText(html)).not.toThrow();
  });
});
