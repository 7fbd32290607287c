// A reply as a few paragraphs and lists, written out once as plain text and once as simple HTML, so the two
// versions cannot drift apart and every interpolated value passes through one escaping function. Pure.

export type Block =
  | { kind: 'para'; lines: string[] }
  | { kind: 'list'; title: string; items: string[] };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// RFC 3676 signature separator: dash, dash, space.
const TEXT_SIGNATURE_SEPARATOR = '-- ';

export function toText(body: Block[], signature: string[]): string {
  const parts = body.map((b) => (b.kind === 'para' ? b.lines : [b.title, ...b.items.map((i) => `  – ${i}`)]).join('\n'));
  return `${[...parts, [TEXT_SIGNATURE_SEPARATOR, ...signature].join('\n')].join('\n\n')}\n`;
}

export function toHtml(title: string, body: Block[], signature: string[]): string {
  const html = body.map((b) => (b.kind === 'para'
    ? `<p>${b.lines.map(escapeHtml).join('<br>\n')}</p>`
    : `<p>${escapeHtml(b.title)}</p>\n<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`));
  return [
    '<!DOCTYPE html>',
    '<html lang="ru">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 14px;">',
    ...html,
    `<p style="color: #555555;">${signature.map(escapeHtml).join('<br>\n')}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
