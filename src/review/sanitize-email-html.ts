// A customer's HTML body → markup safe to show inside the sandboxed frame (sanitize-html is imported here only).
// Allow-list only: no script, no event handlers, no <style> blocks or url() (CSS exfiltration), no forms, no
// frames, no SVG/MathML; links become inert text; images only from the message itself (cid: → data: URI)
// or inline data: photos — anything remote is replaced by a note. The frame's CSP blocks what might slip through.
import sanitizeHtml from 'sanitize-html';

export interface InlineImage {
  contentId: string;
  contentType: string;
  content: Buffer;
}

const IMAGE_TYPES = /^image\/(png|jpeg|gif|webp)$/;
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;
// A data: URI per inline image is kept in the page; larger ones are left for the attachment list.
const MAX_INLINE_IMAGE_BYTES = 3 * 1024 * 1024;
const COLOR = [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(,\s*[\d.]+\s*)?\)$/i, /^[a-z]{3,20}$/i];
const LENGTH = [/^-?\d+(\.\d+)?(px|pt|em|rem|%)?$/];

export const BLOCKED_IMAGE_NOTE = '[внешнее изображение заблокировано]';

export function sanitizeEmailHtml(markup: string, inline: readonly InlineImage[] = []): string {
  const cids = new Map<string, string>();
  for (const img of inline) {
    if (IMAGE_TYPES.test(img.contentType) && img.content.length <= MAX_INLINE_IMAGE_BYTES) {
      cids.set(img.contentId.toLowerCase(), `data:${img.contentType};base64,${img.content.toString('base64')}`);
    }
  }
  return sanitizeHtml(markup, {
    allowedTags: [
      'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'big', 'sub', 'sup', 'blockquote', 'pre',
      'code', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot',
      'tr', 'td', 'th', 'caption', 'colgroup', 'col', 'hr', 'img', 'font', 'center',
    ],
    allowedAttributes: {
      '*': ['align', 'valign', 'colspan', 'rowspan', 'width', 'height', 'dir', 'style', 'title'],
      img: ['src', 'alt', 'width', 'height'],
      font: ['color', 'size'],
    },
    allowedStyles: {
      '*': {
        color: COLOR, 'background-color': COLOR, 'text-align': [/^(left|right|center|justify)$/i],
        'font-weight': [/^(bold|bolder|normal|[1-9]00)$/i], 'font-style': [/^(italic|normal)$/i],
        'text-decoration': [/^(underline|line-through|none)$/i], 'font-size': LENGTH, width: LENGTH, height: LENGTH,
        'vertical-align': [/^(top|middle|bottom|baseline)$/i], 'white-space': [/^(pre|pre-wrap|normal|nowrap)$/i],
      },
    },
    allowedSchemes: [],
    allowedSchemesByTag: { img: ['data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'background', 'action', 'formaction', 'xlink:href'],
    allowProtocolRelative: false,
    allowedIframeHostnames: [],
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'svg', 'math', 'template', 'iframe', 'object', 'embed', 'head', 'xml'],
    disallowedTagsMode: 'discard',
    transformTags: {
      // A link is shown as its text with the target in a tooltip; nothing in the frame can navigate.
      a: (_tag, original) => {
        const href = (original['href'] ?? '').trim();
        const attribs: Record<string, string> = /^(https?|mailto):/i.test(href) ? { title: `ссылка: ${href.slice(0, 300)}` } : {};
        return { tagName: 'span', attribs };
      },
      img: (_tag, attribs) => {
        const src = (attribs['src'] ?? '').trim();
        const cid = /^cid:(.+)$/i.exec(src)?.[1];
        const resolved = cid !== undefined ? cids.get(decodeURIComponent(cid).replace(/^<|>$/g, '').toLowerCase()) : DATA_IMAGE.test(src) ? src : undefined;
        if (resolved === undefined) return { tagName: 'span', attribs: { title: src.slice(0, 300) }, text: BLOCKED_IMAGE_NOTE };
        const out: Record<string, string> = { src: resolved, alt: attribs['alt'] ?? '' };
        for (const a of ['width', 'height'] as const) if (attribs[a] && /^\d{1,4}%?$/.test(attribs[a]!)) out[a] = attribs[a]!;
        return { tagName: 'img', attribs: out };
      },
    },
  });
}

/** The whole document served to the sandboxed frame. */
export function emailFrameDocument(sanitised: string): string {
  return '<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">'
    + '<style>body{font:14px/1.45 sans-serif;margin:8px;color:#222;word-wrap:break-word}img{max-width:100%;height:auto}'
    + 'table{border-collapse:collapse}td,th{padding:2px 4px}span[title^="ссылка"]{color:#1a4f9c;text-decoration:underline dotted}</style>'
    + `</head><body>${sanitised}</body></html>`;
}
