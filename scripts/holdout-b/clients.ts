// How the mail programs our customers use actually shape a message: iPhone Mail, Gmail,
// Mail.ru web/app, Yandex, Outlook, The Bat!, Thunderbird. Each returns the MIME root part
// plus the client-specific top-level headers.
import {
  escapeHtml,
  headerText,
  message,
  multipart,
  textPart,
  token,
  type Part,
} from './mime.js';

export const UTILITY = 'info@khab.dvec.ru';

export interface Envelope {
  /** Already formatted From value (use mailbox()). */
  from: string;
  to?: string;
  /** Already formatted Date value (use rfcDate()), or a deliberately odd raw value. */
  date: string;
  subject: string;
  /** Pre-encoded Subject header value; overrides `subject` encoding. */
  rawSubject?: string;
  messageIdDomain: string;
  seed: string;
  extra?: string[];
  mimeVersion?: string;
}

export interface Styled {
  headers: string[];
  root: Part;
}

export function assemble(envelope: Envelope, styled: Styled): Buffer {
  const headers = [
    `From: ${envelope.from}`,
    `To: ${envelope.to ?? UTILITY}`,
    `Subject: ${envelope.rawSubject ?? headerText(envelope.subject)}`,
    `Date: ${envelope.date}`,
    `Message-ID: <${token(envelope.seed, 24)}@${envelope.messageIdDomain}>`,
    `MIME-Version: ${envelope.mimeVersion ?? '1.0'}`,
    ...styled.headers,
    ...(envelope.extra ?? []),
  ];
  return message(headers, styled.root);
}

export function iphone(text: string): Styled {
  return {
    headers: ['X-Mailer: iPhone Mail (22B91)'],
    root: textPart(text, { charset: 'utf-8', encoding: 'quoted-printable' }),
  };
}

export function iphoneWithAttachments(text: string, seed: string, attachments: Part[]): Styled {
  const boundary = `Apple-Mail-${token(seed, 8).toUpperCase()}-${token(`${seed}x`, 4).toUpperCase()}-4C1B-9E0F-${token(`${seed}y`, 12).toUpperCase()}`;
  return {
    headers: ['X-Mailer: iPhone Mail (22B91)'],
    root: multipart('mixed', [textPart(text, { charset: 'utf-8', encoding: 'quoted-printable' }), ...attachments], boundary),
  };
}

export function plain(text: string, charset = 'utf-8', encoding: 'base64' | 'quoted-printable' | '8bit' = 'base64', extraHeaders: string[] = []): Styled {
  return { headers: extraHeaders, root: textPart(text, { charset, encoding }) };
}

/** Gmail: multipart/alternative, base64 UTF-8 both sides, one <div dir=…> per line. */
export function gmail(text: string, seed: string, html?: string, dir: 'auto' | 'ltr' = 'auto'): Styled {
  const body =
    html ??
    `<div dir="${dir}">${text
      .split('\n')
      .map((line) => `<div dir="${dir}">${line ? escapeHtml(line) : '<br>'}</div>`)
      .join('')}</div>\n`;
  return {
    headers: [],
    root: multipart(
      'alternative',
      [
        textPart(text, { charsetLabel: '"UTF-8"', encoding: 'base64' }),
        textPart(body, { subtype: 'html', charsetLabel: '"UTF-8"', encoding: 'base64' }),
      ],
      `000000000000${token(seed, 16)}`,
    ),
  };
}

/** Mail.ru web: alternative with an upper-case <HTML><BODY> wrapper and <div> per line. */
export function mailruWeb(text: string, seed: string, htmlInner?: string): Styled {
  const inner =
    htmlInner ?? text.split('\n').map((line) => `<div>${line ? escapeHtml(line) : '&nbsp;'}</div>`).join('');
  return {
    headers: ['X-Mailer: Mail.Ru Mailer 1.0'],
    root: multipart(
      'alternative',
      [
        textPart(text, { charset: 'utf-8', encoding: 'base64' }),
        textPart(`<HTML><BODY>${inner}</BODY></HTML>\n`, { subtype: 'html', charset: 'utf-8', encoding: 'base64' }),
      ],
      `--ALT--${token(seed, 8).toUpperCase()}${token(`${seed}b`, 24).toUpperCase()}`,
    ),
  };
}

/** Mail.ru web with only the HTML part, as its "send as HTML only" setting does. */
export function mailruHtmlOnly(htmlInner: string): Styled {
  return {
    headers: ['X-Mailer: Mail.Ru Mailer 1.0'],
    root: textPart(`<HTML><BODY>${htmlInner}</BODY></HTML>\n`, { subtype: 'html', charset: 'utf-8', encoding: 'base64' }),
  };
}

/** Yandex mobile web: HTML-only, 8bit. */
export function yandexHtml(htmlInner: string): Styled {
  return {
    headers: [],
    root: textPart(`<div>${htmlInner}</div>\n`, { subtype: 'html', charset: 'utf-8', encoding: '8bit' }),
  };
}

/** Outlook desktop: windows-1251 quoted-printable, plain + Word-generated HTML. */
export function outlook(text: string, htmlBody: string, seed: string, charset = 'windows-1251'): Styled {
  const html = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
span.EmailStyle17
	{mso-style-type:personal-compose;
	font-family:"Calibri",sans-serif;
	color:windowtext;}
--></style>
</head>
<body lang="RU" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
${htmlBody}
</div>
</body>
</html>
`;
  return {
    headers: ['X-Mailer: Microsoft Outlook 16.0', 'Thread-Index: AdpX3kLq7n0z1YbRS1Gv4fM8m2Hc0w==', 'Content-Language: ru'],
    root: multipart(
      'alternative',
      [
        textPart(text, { charset, charsetLabel: `"${charset}"`, encoding: 'quoted-printable' }),
        textPart(html, { subtype: 'html', charset, charsetLabel: `"${charset}"`, encoding: 'quoted-printable' }),
      ],
      `_000_AM0PR07MB${token(seed, 6).toUpperCase()}eurprd07prod_`,
    ),
  };
}

/** Outlook paragraph: `<p class=MsoNormal>` with the given inner HTML. */
export function msoParagraph(inner: string): string {
  return `<p class="MsoNormal">${inner}<o:p></o:p></p>`;
}
