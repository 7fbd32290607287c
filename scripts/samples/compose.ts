// Body builders per client: the MIME structure, charsets and HTML markup each client produces.
import type { Client, Envelope } from './clients.js';
import { randomToken, rng } from './clients.js';
import type { Cte, Eol, Part } from './mime.js';

export interface Reading {
  account: string;
  meter: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
}

export interface Expected {
  decision: 'accept' | 'review' | 'reject' | 'ignore';
  readings: Reading[];
  note: string;
}

export function r1(account: string, meter: string, t1: number): Reading {
  return { account, meter, t1, t2: null, t3: null };
}
export function r2(account: string, meter: string, t1: number, t2: number): Reading {
  return { account, meter, t1, t2, t3: null };
}
export function r3(account: string, meter: string, t1: number, t2: number, t3: number): Reading {
  return { account, meter, t1, t2, t3 };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type HtmlStyle = 'gmail' | 'yandex' | 'mailru' | 'outlook' | 'apple' | 'plainish' | 'outlookCom' | 'samsung';

/** Wraps paragraphs of text in the markup the given client produces; `htmlInner` lines pass through raw. */
export function textToHtml(text: string, style: HtmlStyle, extraHtml = ''): string {
  const lines = text.split('\n');
  switch (style) {
    case 'gmail':
      return `<div dir="ltr">${lines.map((l) => (l ? `<div>${esc(l)}</div>` : '<div><br></div>')).join('')}${extraHtml}</div>\n`;
    case 'yandex':
      return `<div>${lines.map((l) => (l ? esc(l) : '&nbsp;')).join('</div><div>')}</div>${extraHtml}\n`;
    case 'mailru':
      return `\n<HTML><BODY><div>${lines.map((l) => (l ? esc(l) : '&nbsp;')).join('</div><div>')}</div>${extraHtml}</BODY></HTML>\n`;
    case 'samsung':
      return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body dir="auto">${lines.map((l) => (l ? `<div dir="auto">${esc(l)}</div>` : '<div dir="auto"><br></div>')).join('')}${extraHtml}</body></html>\n`;
    case 'apple':
      return `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">${lines.map((l) => (l ? `<div>${esc(l)}</div>` : '<div><br></div>')).join('')}${extraHtml}</body></html>\n`;
    case 'outlookCom':
      return `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n</head>\n<body dir="ltr">\n${lines.map((l) => `<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">\n${l ? esc(l) : '<br>'}</div>`).join('\n')}\n${extraHtml}</body>\n</html>\n`;
    case 'outlook':
      return outlookHtml(lines.map((l) => `<p class=MsoNormal>${l ? esc(l) : '<o:p>&nbsp;</o:p>'}<o:p></o:p></p>`).join('\n') + extraHtml);
    case 'plainish':
      return `<html><body>${lines.map((l) => esc(l)).join('<br>\n')}${extraHtml}</body></html>\n`;
  }
}

/** A full Word-generated Outlook HTML document around the given MsoNormal paragraphs. */
export function outlookHtml(inner: string): string {
  return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--
/* Font Definitions */
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;
	mso-fareast-language:EN-US;}
span.EmailStyle17
	{mso-style-type:personal-compose;
	font-family:"Calibri",sans-serif;
	color:windowtext;}
.MsoChpDefault
	{mso-style-type:export-only;
	font-family:"Calibri",sans-serif;
	mso-fareast-language:EN-US;}
@page WordSection1
	{size:612.0pt 792.0pt;
	margin:2.0cm 42.5pt 2.0cm 3.0cm;}
div.WordSection1
	{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]--></head><body lang=RU link="#0563C1" vlink="#954F72" style='word-wrap:break-word'><div class=WordSection1>
${inner}
</div></body></html>
`;
}

function boundaryFor(client: Client, seed: string, n = 0): string {
  const r = rng(seed + ':b' + n);
  switch (client) {
    case 'gmail':
    case 'gmailAndroid':
      return `0000000000${randomToken(r, 16, '0123456789abcdef')}`;
    case 'mailru':
    case 'mailruAndroid':
      return `--ALT--${randomToken(r, 32, '0123456789abcdefABCDEF')}${1795000000 + Math.floor(r() * 9e5)}`;
    case 'outlook':
    case 'exchange':
    case 'outlookExpress':
      return `----=_NextPart_00${n}_00${randomToken(r, 2, '0123456789ABCDEF')}_01DB${randomToken(r, 4, '0123456789ABCDEF')}.${randomToken(r, 8, '0123456789ABCDEF')}`;
    case 'outlookCom':
      return `_00${n}_AM9PR08MB${randomToken(r, 22, '0123456789ABCDEF')}eurp_`;
    case 'appleMail':
    case 'iphone':
      return `Apple-Mail-${randomToken(r, 8, '0123456789ABCDEF')}-${randomToken(r, 4, '0123456789ABCDEF')}-${randomToken(r, 4, '0123456789ABCDEF')}-${randomToken(r, 4, '0123456789ABCDEF')}-${randomToken(r, 12, '0123456789ABCDEF')}`;
    case 'samsung':
      return `--_com.samsung.android.email_${randomToken(r, 15, '0123456789')}`;
    default:
      return `----${randomToken(r, 12, '0123456789ABCDEF')}${n}`;
  }
}

export interface BodyOptions {
  /** Ready HTML instead of the text converted in the client's style. */
  html?: string;
  /** HTML only (no text/plain alternative), as Yandex web and some phones send. */
  htmlOnly?: boolean;
  /** Plain only. */
  plainOnly?: boolean;
  charset?: string;
  cte?: Cte;
  attachments?: Part[];
}

/** The body the client sends for this text: structure, charset and transfer encoding as that client does. */
export function clientBody(client: Client, seed: string, text: string, o: BodyOptions = {}): Part {
  const plain = (charset: string, cte: Cte, extra: Partial<Extract<Part, { kind: 'text' }>> = {}): Part => ({ kind: 'text', subtype: 'plain', charset: o.charset ?? charset, cte: o.cte ?? cte, text, ...extra });
  const html = (style: HtmlStyle, charset: string, cte: Cte, extra: Partial<Extract<Part, { kind: 'text' }>> = {}): Part => ({ kind: 'text', subtype: 'html', charset: o.charset ?? charset, cte: o.cte ?? cte, text: o.html ?? textToHtml(text, style), ...extra });
  const alt = (a: Part, b: Part): Part => (o.htmlOnly ? b : o.plainOnly ? a : { kind: 'multi', subtype: 'alternative', boundary: boundaryFor(client, seed, 1), parts: [a, b] });
  let body: Part;
  switch (client) {
    case 'gmail':
    case 'gmailAndroid':
      body = alt(plain('UTF-8', 'base64'), html('gmail', 'UTF-8', 'base64'));
      break;
    case 'yandex':
    case 'yandexMobile':
      body = o.plainOnly ? plain('utf-8', '8bit', { quoteCharset: false }) : html('yandex', 'utf-8', '8bit', { quoteCharset: false });
      break;
    case 'mailru':
    case 'mailruAndroid':
      body = alt(plain('UTF-8', 'base64'), html('mailru', 'UTF-8', 'base64'));
      break;
    case 'outlook':
    case 'exchange':
      body = alt(plain('utf-8', 'quoted-printable'), html('outlook', 'utf-8', 'quoted-printable'));
      break;
    case 'outlookCom':
      body = alt(plain('utf-8', 'base64'), html('outlookCom', 'utf-8', 'base64'));
      break;
    case 'outlookExpress':
      body = alt(plain('koi8-r', 'quoted-printable'), html('plainish', 'koi8-r', 'quoted-printable'));
      break;
    case 'thunderbird':
      body = o.htmlOnly ? html('plainish', 'UTF-8', '8bit', { quoteCharset: false }) : plain('UTF-8', '8bit', { quoteCharset: false, params: 'format=flowed' });
      break;
    case 'appleMail':
      body = alt(plain('utf-8', 'quoted-printable', { quoteCharset: false }), html('apple', 'utf-8', 'quoted-printable', { quoteCharset: false }));
      break;
    case 'iphone':
      body = o.htmlOnly ? html('apple', 'utf-8', 'quoted-printable', { quoteCharset: false }) : plain('utf-8', 'quoted-printable', { quoteCharset: false });
      break;
    case 'thebat':
      body = plain('windows-1251', '8bit', { quoteCharset: false });
      break;
    case 'rambler':
      body = alt(plain('utf-8', '8bit'), html('plainish', 'utf-8', 'base64'));
      break;
    case 'samsung':
      body = alt(plain('UTF-8', 'base64'), html('samsung', 'UTF-8', 'base64'));
      break;
  }
  if (o.attachments && o.attachments.length > 0) {
    body = { kind: 'multi', subtype: 'mixed', boundary: boundaryFor(client, seed, 0), parts: [body, ...o.attachments] };
  }
  return body;
}

export type SampleCase =
  | {
      name: string;
      client: Client;
      env: Envelope;
      /** The customer's text; the client turns it into its usual MIME structure. */
      text?: string;
      bodyOptions?: BodyOptions;
      /** A hand-made body instead of the client's usual one. */
      body?: Part;
      eol?: Eol;
      expected: Expected;
    }
  | {
      name: string;
      /** Machine mail (bounces, robots): headers written out in full. */
      rawHeaders: [string, string][];
      body: Part;
      eol?: Eol;
      expected: Expected;
    };

