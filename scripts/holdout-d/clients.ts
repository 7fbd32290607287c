// How the common mail clients of the region shape a message body: their multipart layout, charsets and HTML dialect.
import { multipart, randomToken, textPart, type Charset, type Part, type TransferEncoding } from './mime.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type HtmlDialect = 'gmail' | 'mailru' | 'outlook' | 'yandex' | 'apple';

function lineHtml(line: string, dialect: HtmlDialect): string {
  const content = line === '' ? (dialect === 'outlook' ? '&nbsp;' : '<br>') : escapeHtml(line).replace(/\u00a0/g, '&nbsp;');
  if (dialect === 'outlook') return `<p class=MsoNormal>${content}<o:p></o:p></p>`;
  return `<div>${content}</div>`;
}

/** Renders plain text the way the client's composer would, with `>`-quoted runs as blockquotes. */
export function htmlFromText(text: string, dialect: HtmlDialect): string {
  const blocks: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('>')) quoted.push(lines[i++]!.replace(/^> ?/, ''));
      const style = dialect === 'gmail' ? ' class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"' : ' style="border-left:1px solid #0857A6;margin:10px;padding:0 0 0 10px;"';
      blocks.push(`<blockquote${style}>${htmlFromText(quoted.join('\n'), dialect)}</blockquote>`);
    } else {
      blocks.push(lineHtml(lines[i++]!, dialect));
    }
  }
  const inner = blocks.join(dialect === 'outlook' ? '\n' : '');
  if (dialect === 'gmail') return `<div dir="ltr">${inner}</div>\n`;
  if (dialect === 'mailru') return `<HTML><BODY>${inner}</BODY></HTML>\n`;
  if (dialect === 'yandex') return `<div>${inner}</div>\n`;
  if (dialect === 'apple') return `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">${inner}</body></html>\n`;
  return outlookDocument(inner, 'windows-1251');
}

export function outlookDocument(inner: string, charset: Charset): string {
  return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=${charset}"><meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--
/* Font Definitions */
@font-face
\t{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
\t{font-family:Calibri;
\tpanose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{margin:0cm;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;
\tmso-fareast-language:EN-US;}
span.EmailStyle17
\t{mso-style-type:personal-compose;
\tfont-family:"Calibri",sans-serif;
\tcolor:windowtext;}
@page WordSection1
\t{size:612.0pt 792.0pt;
\tmargin:2.0cm 42.5pt 2.0cm 3.0cm;}
div.WordSection1
\t{page:WordSection1;}
--></style></head><body lang=RU link="#0563C1" vlink="#954F72" style='word-wrap:break-word'><div class=WordSection1>
${inner}
</div></body></html>
`;
}

export function gmailBody(key: string, text: string, html?: string): Part {
  const boundary = '000000000000' + randomToken(key + 'gb', 12);
  return multipart('alternative', boundary, [
    textPart(text, { charset: 'utf-8', cte: 'base64', charsetLabel: '"UTF-8"' }),
    textPart(html ?? htmlFromText(text, 'gmail'), { subtype: 'html', charset: 'utf-8', cte: 'base64', charsetLabel: '"UTF-8"' }),
  ]);
}

export function gmailId(key: string): string {
  return `<CA${randomToken(key + 'gid', 10, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789')}+${randomToken(key + 'gid2', 28, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789_-=')}@mail.gmail.com>`;
}

export function mailruBody(key: string, text: string, html?: string): Part {
  const boundary = '--ALT--' + randomToken(key + 'mb', 32, '0123456789ABCDEF') + '1' + randomToken(key + 'mt', 9, '0123456789');
  return multipart('alternative', boundary, [
    textPart(text, { charset: 'utf-8', cte: 'base64' }),
    textPart(html ?? htmlFromText(text, 'mailru'), { subtype: 'html', charset: 'utf-8', cte: 'base64' }),
  ]);
}

export function mailruId(key: string, unixSeconds: number): string {
  return `<${unixSeconds}.${randomToken(key + 'mid', 9, '0123456789')}@f${randomToken(key + 'mf', 3, '0123456789')}.i.mail.ru>`;
}

export function yandexHtmlBody(html: string, cte: TransferEncoding = 'base64'): Part {
  return textPart(html, { subtype: 'html', charset: 'utf-8', cte });
}

export function yandexId(key: string): string {
  return `<${randomToken(key + 'yid', 16, '0123456789')}@mail.yandex.ru>`;
}

export function outlookBody(key: string, text: string, charset: Charset, html?: string): Part {
  const boundary = `----=_NextPart_000_${randomToken(key + 'ob1', 4, '0123456789ABCDEF')}_01DB${randomToken(key + 'ob2', 4, '0123456789ABCDEF')}.${randomToken(key + 'ob3', 8, '0123456789ABCDEF')}`;
  const document = html ?? htmlFromText(text, 'outlook').replace('charset=windows-1251', `charset=${charset}`);
  return multipart('alternative', boundary, [
    textPart(text, { charset, cte: 'quoted-printable', charsetLabel: `"${charset}"` }),
    textPart(document, { subtype: 'html', charset, cte: 'quoted-printable', charsetLabel: `"${charset}"` }),
  ]);
}

export function outlookId(key: string, domain: string): string {
  const hex = (suffix: string, n: number) => randomToken(key + suffix, n, '0123456789abcdef');
  return `<${hex('o1', 12)}$${hex('o2', 8)}$${hex('o3', 8)}$@${domain}>`;
}

export function appleBody(key: string, text: string): Part {
  const boundary = `Apple-Mail-${randomToken(key + 'ab', 8, '0123456789ABCDEF')}-${randomToken(key + 'ab2', 4, '0123456789ABCDEF')}-${randomToken(key + 'ab3', 4, '0123456789ABCDEF')}-${randomToken(key + 'ab4', 12, '0123456789ABCDEF')}`;
  return multipart('alternative', boundary, [
    textPart(text, { charset: 'utf-8', cte: 'quoted-printable' }),
    textPart(htmlFromText(text, 'apple'), { subtype: 'html', charset: 'utf-8', cte: 'quoted-printable' }),
  ]);
}

export function appleId(key: string, domain: string): string {
  const hex = (suffix: string, n: number) => randomToken(key + suffix, n, '0123456789ABCDEF');
  return `<${hex('a1', 8)}-${hex('a2', 4)}-${hex('a3', 4)}-${hex('a4', 4)}-${hex('a5', 12)}@${domain}>`;
}

export function thunderbirdId(key: string, domain: string): string {
  const hex = (suffix: string, n: number) => randomToken(key + suffix, n);
  return `<${hex('t1', 8)}-${hex('t2', 4)}-${hex('t3', 4)}-${hex('t4', 4)}-${hex('t5', 12)}@${domain}>`;
}

export function theBatId(key: string, stamp: string, domain: string): string {
  return `<${randomToken(key + 'bat', 10, '0123456789')}.${stamp}@${domain}>`;
}

/** Receiving MX trace header; `when` is the Date header value it was stamped with. */
export function received(fromHost: string, fromIp: string, when: string, key: string): string {
  return `Received: from ${fromHost} (${fromHost} [${fromIp}])\r\n\tby mx1.dvec.ru (Postfix) with ESMTPS id ${randomToken(key + 'rcv', 10, '0123456789ABCDEF')}\r\n\tfor <info@khab.dvec.ru>; ${when}`;
}
