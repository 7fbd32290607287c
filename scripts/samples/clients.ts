// Header sets as the common mail clients and providers write them, so the samples carry the
// Received chains, Message-ID shapes and X-Mailer lines real customer mail has.
import { encodedWords, mailbox } from './mime.js';

export interface Envelope {
  fromName?: string;
  from: string;
  /** Overrides the client's usual way of writing the To header. */
  to?: string;
  /** `YYYY-MM-DD HH:MM:SS ±HHMM`, the sender's local time. */
  date: string;
  /** The Date header exactly as written, for obsolete or unusual forms (no weekday, `GMT`). */
  dateHeader?: string;
  subject: string;
  inReplyTo?: string;
  references?: string;
  cc?: string;
  /** Headers added after the client's own (before the MIME headers). */
  extra?: [string, string][];
  /** Subject charset/mode override, e.g. windows-1251 Q. */
  subjectCharset?: string;
  subjectMode?: 'B' | 'Q';
}

export type Client =
  | 'gmail' | 'gmailAndroid' | 'yandex' | 'yandexMobile' | 'mailru' | 'mailruAndroid' | 'outlook'
  | 'outlookCom' | 'thunderbird' | 'appleMail' | 'iphone' | 'thebat' | 'outlookExpress' | 'rambler'
  | 'samsung' | 'exchange';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Instant {
  utcMs: number;
  offsetMin: number;
}

export function parseLocal(spec: string): Instant {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$/.exec(spec);
  if (!m) throw new Error(`bad date spec ${spec}`);
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const offsetMin = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const localMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return { utcMs: localMs - offsetMin * 60_000, offsetMin };
}

/** RFC 5322 date of an instant in the given UTC offset. */
export function rfcDate(utcMs: number, offsetMin: number, zoneComment?: string): string {
  const t = new Date(utcMs + offsetMin * 60_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const sign = offsetMin < 0 ? '-' : '+';
  const off = Math.abs(offsetMin);
  return `${DAYS[t.getUTCDay()]}, ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ` +
    `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} ${sign}${pad(Math.floor(off / 60))}${pad(off % 60)}` +
    (zoneComment ? ` (${zoneComment})` : '');
}

/** Deterministic pseudo-random source, so rebuilding the corpus gives identical bytes. */
export function rng(seedText: string): () => number {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomToken(r: () => number, len: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIG = '0123456789';
const UPHEX = '0123456789ABCDEF';

const MX = 'mx1.khab.dvec.ru';

function mxReceived(fromHost: string, ip: string, r: () => number, at: Instant, tls = true): [string, string] {
  const id = randomToken(r, 12, '0123456789ABCDEFGHJKLMNPQRSTVWXYZbcdfghjkmnpqrstvwxyz');
  const delay = 2_000 + Math.floor(r() * 40_000);
  return ['Received', `from ${fromHost} (${fromHost} [${ip}])\n\tby ${MX} (Postfix) with ${tls ? 'ESMTPS' : 'ESMTP'} id 4${id}\n\tfor <info@khab.dvec.ru>; ${rfcDate(at.utcMs + delay, 600, '+10')}`];
}

function dkim(domain: string, selector: string, r: () => number, h: string): [string, string] {
  return ['DKIM-Signature', `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=${selector};\n\tt=${Math.floor(r() * 1e4) + 1795000000}; h=${h};\n\tbh=${randomToken(r, 43, B64)}=;\n\tb=${randomToken(r, 64, B64)}\n\t ${randomToken(r, 60, B64)}==`];
}

export interface Built {
  headers: [string, string][];
  messageId: string;
}

export function buildHeaders(client: Client, env: Envelope, seed: string): Built {
  const r = rng(seed);
  const at = parseLocal(env.date);
  const date = env.dateHeader ?? rfcDate(at.utcMs, at.offsetMin);
  const cs = env.subjectCharset ?? 'UTF-8';
  const mode = env.subjectMode ?? 'B';
  const subject = encodedWords(env.subject, cs, mode);
  const h: [string, string][] = [];
  let messageId: string;
  const from = (charset = 'UTF-8', m: 'B' | 'Q' = 'B', quoteAscii = true): string => mailbox(env.fromName, env.from, charset, m, quoteAscii);
  const threading = (): void => {
    if (env.inReplyTo) h.push(['In-Reply-To', env.inReplyTo]);
    if (env.references) h.push(['References', env.references]);
  };
  switch (client) {
    case 'gmail':
    case 'gmailAndroid': {
      const host = `mail-${['lj1', 'ej1', 'wr1', 'pl1', 'yb1'][Math.floor(r() * 5)]}-f${Math.floor(r() * 200) + 20}.google.com`;
      const ip = `209.85.${Math.floor(r() * 60) + 160}.${Math.floor(r() * 250) + 2}`;
      messageId = `<CA${randomToken(r, 1, 'BEFGHJKLNP')}${randomToken(r, 44, B64.replace('/', '_'))}@mail.gmail.com>`;
      h.push(mxReceived(host, ip, r, at));
      h.push(['Received', `by ${host} with SMTP id ${randomToken(r, 10, HEX)}-${randomToken(r, 11, HEX)}so${randomToken(r, 8, DIG)}.${Math.floor(r() * 9) + 1}\n        for <info@khab.dvec.ru>; ${rfcDate(at.utcMs + 900, -480, 'PST')}`]);
      h.push(dkim('gmail.com', '20230601', r, 'to:subject:message-id:date:from:mime-version:from:to:cc:subject:date:message-id:reply-to'));
      h.push(['X-Google-DKIM-Signature', `v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d=1e100.net; s=20230601; t=${Math.floor(r() * 1e4) + 1795000000}; bh=${randomToken(r, 43, B64)}=;\n        b=${randomToken(r, 70, B64)}==`]);
      h.push(['X-Gm-Message-State', `AOJu0Y${randomToken(r, 60, B64)}`]);
      h.push(['X-Google-Smtp-Source', `AGHT+IF${randomToken(r, 50, B64)}`]);
      h.push(['X-Received', `by 2002:a05:${randomToken(r, 4, HEX)}:${randomToken(r, 4, HEX)} with SMTP id ${randomToken(r, 12, HEX)}.${Math.floor(r() * 90) + 10};\n        ${rfcDate(at.utcMs + 700, -480, 'PST')}`]);
      h.push(['MIME-Version', '1.0']);
      h.push(['From', from()]);
      h.push(['Date', date]);
      threading();
      h.push(['Message-ID', messageId]);
      h.push(['Subject', subject]);
      h.push(['To', env.to ?? 'info@khab.dvec.ru']);
      if (env.cc) h.push(['Cc', env.cc]);
      break;
    }
    case 'yandex':
    case 'yandexMobile': {
      const n = Math.floor(r() * 90) + 10;
      messageId = `<${randomToken(r, 6, DIG)}${Math.floor(at.utcMs / 1000)}@mail.yandex.ru>`;
      h.push(mxReceived(`forward${Math.floor(r() * 500)}b.mail.yandex.net`, `178.154.239.${Math.floor(r() * 200) + 20}`, r, at));
      h.push(['Received', `from mail-nwsmtp-mxfront-production-main-${n}.klg.yp-c.yandex.net (mail-nwsmtp-mxfront-production-main-${n}.klg.yp-c.yandex.net [IPv6:2a02:6b8:c42:${randomToken(r, 4, HEX)}:0:640:${randomToken(r, 4, HEX)}:0])\n\tby forward.mail.yandex.net (Yandex) with ESMTPS id ${randomToken(r, 10, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz0123456789')}\n\tfor <info@khab.dvec.ru>; ${rfcDate(at.utcMs + 1200, 180)}`]);
      h.push(['X-Yandex-Fwd', '1']);
      h.push(dkim('yandex.ru', 'mail', r, 'From:To:Subject:Message-Id:Date'));
      h.push(['From', from()]);
      h.push(['To', env.to ?? 'info@khab.dvec.ru']);
      if (env.cc) h.push(['Cc', env.cc]);
      h.push(['Subject', subject]);
      threading();
      h.push(['MIME-Version', '1.0']);
      h.push(['X-Mailer', client === 'yandex' ? 'Yamail [ http://yandex.ru ] 5.0' : 'Yamail [ http://yandex.ru ] 5.0 (mobile)']);
      h.push(['Date', date]);
      h.push(['Message-Id', messageId]);
      break;
    }
    case 'mailru':
    case 'mailruAndroid': {
      const f = `f${Math.floor(r() * 700) + 100}.i.mail.ru`;
      messageId = `<${Math.floor(at.utcMs / 1000)}.${randomToken(r, 9, DIG)}@${f}>`;
      h.push(mxReceived(`fallback${Math.floor(r() * 30) + 1}.i.mail.ru`, `79.137.243.${Math.floor(r() * 100) + 60}`, r, at));
      h.push(['Received', `by ${f} with local (envelope-from <${env.from}>)\n\tid 1t${randomToken(r, 5, B64.slice(0, 62))}-00000${randomToken(r, 4, DIG)}-${randomToken(r, 2, 'abcdefghijklmnopqrstuvwxyz')}\n\tfor info@khab.dvec.ru; ${rfcDate(at.utcMs + 300, 180)}`]);
      h.push(dkim(env.from.split('@')[1] ?? 'mail.ru', 'mail4', r, 'Content-Type:Message-ID:Reply-To:Date:MIME-Version:Subject:To:From'));
      h.push(['Received', `by e.mail.ru with HTTP;\n\t${rfcDate(at.utcMs, 180)}`]);
      h.push(['From', from()]);
      h.push(['To', env.to ?? '"info@khab.dvec.ru" <info@khab.dvec.ru>']);
      if (env.cc) h.push(['Cc', env.cc]);
      h.push(['Subject', subject]);
      h.push(['MIME-Version', '1.0']);
      h.push(['X-Mailer', client === 'mailru' ? 'Mail.Ru Mailer 1.0' : 'Mail.Ru Mail for Android 15.11.0.51234']);
      h.push(['X-SenderField-Remind', '0']);
      h.push(['Date', date]);
      h.push(['Reply-To', from()]);
      threading();
      h.push(['X-Priority', '3 (Normal)']);
      h.push(['Message-ID', messageId]);
      h.push(['X-7564579A', randomToken(r, 16, UPHEX)]);
      h.push(['X-77F55803', `4F1203BC0FB41BD9${randomToken(r, 24, UPHEX)}`]);
      h.push(['X-Mras', 'Ok']);
      break;
    }
    case 'outlook':
    case 'exchange': {
      const dom = env.from.split('@')[1] ?? 'example.ru';
      messageId = client === 'outlook'
        ? `<00${randomToken(r, 4, HEX)}01db${randomToken(r, 4, HEX)}$${randomToken(r, 8, HEX)}$${randomToken(r, 8, HEX)}$@${dom}>`
        : `<${randomToken(r, 32, UPHEX)}@EXCH01.${dom}>`;
      if (client === 'exchange') {
        h.push(mxReceived(`mail.${dom}`, `95.167.${Math.floor(r() * 200)}.${Math.floor(r() * 200)}`, r, at));
        h.push(['Received', `from EXCH01.${dom} (10.0.1.12) by EXCH01.${dom}\n (10.0.1.12) with Microsoft SMTP Server (version=TLS1_2,\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.1.2507.39; ${rfcDate(at.utcMs + 800, at.offsetMin)}`]);
      } else {
        h.push(mxReceived(`smtp${Math.floor(r() * 60)}.${dom}`, `5.255.${Math.floor(r() * 200)}.${Math.floor(r() * 200)}`, r, at));
        h.push(['Received', `from DESKTOP-${randomToken(r, 7, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')} ([${`94.${Math.floor(r() * 200)}.${Math.floor(r() * 200)}.${Math.floor(r() * 200)}`}])\n\tby smtp.${dom} with ESMTPSA id ${randomToken(r, 10, B64.slice(0, 62))}-${randomToken(r, 8, B64.slice(0, 62))};\n\t${rfcDate(at.utcMs + 600, at.offsetMin)}`]);
      }
      h.push(['From', from('utf-8', 'B', true)]);
      h.push(['To', env.to ?? '<info@khab.dvec.ru>']);
      if (env.cc) h.push(['Cc', env.cc]);
      threading();
      h.push(['Subject', encodedWords(env.subject, env.subjectCharset ?? 'utf-8', mode)]);
      h.push(['Date', date]);
      h.push(['Message-ID', messageId]);
      h.push(['MIME-Version', '1.0']);
      if (client === 'outlook') h.push(['X-Mailer', 'Microsoft Outlook 16.0']);
      h.push(['Thread-Index', `A${randomToken(r, 31, B64)}==`]);
      h.push(['Content-Language', 'ru']);
      if (client === 'exchange') {
        h.push(['X-MS-Exchange-Organization-AuthAs', 'Internal']);
        h.push(['X-Originating-IP', `[10.0.${Math.floor(r() * 20)}.${Math.floor(r() * 250)}]`]);
      }
      break;
    }
    case 'outlookCom': {
      const box = `${randomToken(r, 2, 'ABDPV')}${Math.floor(r() * 9)}PR0${Math.floor(r() * 9)}MB${randomToken(r, 4, DIG)}`;
      messageId = `<${box}${randomToken(r, 18, UPHEX)}@${box}.eurprd0${Math.floor(r() * 9)}.prod.outlook.com>`;
      h.push(mxReceived(`EUR0${Math.floor(r() * 5) + 1}-AM${Math.floor(r() * 9)}-obe.outbound.protection.outlook.com`, `40.92.${Math.floor(r() * 90)}.${Math.floor(r() * 250)}`, r, at));
      h.push(['Received', `from ${box}.eurprd08.prod.outlook.com\n (2603:10a6:20b:${randomToken(r, 3, HEX)}::${Math.floor(r() * 20)}) by ${box}.eurprd08.prod.outlook.com\n (2603:10a6:20b:${randomToken(r, 3, HEX)}::${Math.floor(r() * 20)}) with Microsoft SMTP Server\n (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8182.${Math.floor(r() * 30)}; ${rfcDate(at.utcMs + 500, 0)}`]);
      h.push(['From', from('utf-8', 'B', false)]);
      h.push(['To', env.to ?? '"info@khab.dvec.ru" <info@khab.dvec.ru>']);
      if (env.cc) h.push(['Cc', env.cc]);
      threading();
      h.push(['Subject', encodedWords(env.subject, 'utf-8', 'B')]);
      h.push(['Thread-Topic', encodedWords(env.subject.replace(/^(Re|RE|Fwd|FW): /, ''), 'utf-8', 'B')]);
      h.push(['Thread-Index', `AQH${randomToken(r, 29, B64)}`]);
      h.push(['Date', date]);
      h.push(['Message-ID', messageId]);
      h.push(['Accept-Language', 'ru-RU, en-US']);
      h.push(['Content-Language', 'ru-RU']);
      h.push(['X-MS-Has-Attach', '']);
      h.push(['X-MS-TNEF-Correlator', '']);
      h.push(['msip_labels', '']);
      h.push(['MIME-Version', '1.0']);
      break;
    }
    case 'thunderbird': {
      const dom = env.from.split('@')[1] ?? 'mail.ru';
      messageId = `<${randomToken(r, 8, HEX)}-${randomToken(r, 4, HEX)}-${randomToken(r, 4, HEX)}-${randomToken(r, 4, HEX)}-${randomToken(r, 12, HEX)}@${dom}>`;
      h.push(mxReceived(`smtp${Math.floor(r() * 50)}.${dom}`, `217.69.139.${Math.floor(r() * 200) + 20}`, r, at));
      h.push(['Received', `from [192.168.1.${Math.floor(r() * 200) + 20}] (port=${Math.floor(r() * 60000) + 1024} helo=[192.168.1.${Math.floor(r() * 200) + 20}])\n\tby smtp${Math.floor(r() * 50)}.${dom} with esmtpa (envelope-from <${env.from}>)\n\tid 1t${randomToken(r, 5, B64.slice(0, 62))}-000000${randomToken(r, 3, DIG)}-${randomToken(r, 2, 'abcdefghijklmnopqrstuvwxyz')}\n\tfor info@khab.dvec.ru; ${rfcDate(at.utcMs + 400, 180)}`]);
      h.push(['Message-ID', messageId]);
      h.push(['Date', date]);
      h.push(['MIME-Version', '1.0']);
      h.push(['User-Agent', 'Mozilla Thunderbird']);
      threading();
      h.push(['Content-Language', 'ru']);
      h.push(['To', env.to ?? 'info@khab.dvec.ru']);
      if (env.cc) h.push(['Cc', env.cc]);
      h.push(['From', from('UTF-8', 'B', false)]);
      h.push(['Subject', subject]);
      break;
    }
    case 'appleMail':
    case 'iphone': {
      const dom = env.from.split('@')[1] ?? 'icloud.com';
      messageId = `<${randomToken(r, 8, UPHEX)}-${randomToken(r, 4, UPHEX)}-${randomToken(r, 4, UPHEX)}-${randomToken(r, 4, UPHEX)}-${randomToken(r, 12, UPHEX)}@${dom}>`;
      h.push(mxReceived(dom === 'icloud.com' || dom === 'me.com' ? `st43p00im-ztfb10071701.me.com` : `smtp${Math.floor(r() * 40)}.${dom}`, `17.58.${Math.floor(r() * 60)}.${Math.floor(r() * 250)}`, r, at));
      h.push(['From', from('utf-8', 'B', true)]);
      h.push(['Mime-Version', client === 'iphone' ? '1.0 (1.0)' : '1.0 (Mac OS X Mail 16.0 \\(3826.400.131.1.6\\))']);
      threading();
      h.push(['Date', date]);
      if (env.cc) h.push(['Cc', env.cc]);
      h.push(['Message-Id', messageId]);
      h.push(['To', env.to ?? 'info@khab.dvec.ru']);
      h.push(['Subject', encodedWords(env.subject, 'utf-8', 'Q')]);
      h.push(['X-Mailer', client === 'iphone' ? 'iPhone Mail (22B91)' : 'Apple Mail (2.3826.400.131.1.6)']);
      break;
    }
    case 'thebat': {
      const dom = env.from.split('@')[1] ?? 'rambler.ru';
      messageId = `<${randomToken(r, 9, DIG)}.${rfcDate(at.utcMs, at.offsetMin).replace(/\D/g, '').slice(0, 14)}@${dom}>`;
      h.push(mxReceived(`mxout${Math.floor(r() * 9)}.${dom}`, `81.19.${Math.floor(r() * 90)}.${Math.floor(r() * 250)}`, r, at, false));
      h.push(['Date', date]);
      h.push(['From', from('windows-1251', 'B', true)]);
      h.push(['X-Mailer', 'The Bat! (v10.5.3) Professional']);
      h.push(['Reply-To', from('windows-1251', 'B', true)]);
      h.push(['X-Priority', '3 (Normal)']);
      h.push(['Message-ID', messageId]);
      h.push(['To', env.to ?? 'info@khab.dvec.ru']);
      if (env.cc) h.push(['Cc', env.cc]);
      threading();
      h.push(['Subject', encodedWords(env.subject, env.subjectCharset ?? 'windows-1251', mode)]);
      h.push(['MIME-Version', '1.0']);
      break;
    }
    case 'outlookExpress': {
      const dom = env.from.split('@')[1] ?? 'mail.ru';
      messageId = `<000${randomToken(r, 1, DIG)}01d${randomToken(r, 3, HEX)}$${randomToken(r, 8, HEX)}$0${randomToken(r, 2, HEX)}fa8c0@${randomToken(r, 6, 'abcdefghijklmnopqrstuvwxyz')}>`;
      h.push(mxReceived(`smtp.${dom}`, `92.255.${Math.floor(r() * 200)}.${Math.floor(r() * 200)}`, r, at, false));
      h.push(['Message-ID', messageId]);
      h.push(['From', from('koi8-r', 'B', true)]);
      h.push(['To', env.to ?? '<info@khab.dvec.ru>']);
      if (env.cc) h.push(['Cc', env.cc]);
      threading();
      h.push(['Subject', encodedWords(env.subject, env.subjectCharset ?? 'koi8-r', mode)]);
      h.push(['Date', date]);
      h.push(['MIME-Version', '1.0']);
      h.push(['X-Priority', '3']);
      h.push(['X-MSMail-Priority', 'Normal']);
      h.push(['X-Mailer', 'Microsoft Outlook Express 6.00.2900.5931']);
      h.push(['X-MimeOLE', 'Produced By Microsoft MimeOLE V6.00.2900.6157']);
      break;
    }
    case 'rambler': {
      messageId = `<${Math.floor(at.utcMs / 1000)}.${randomToken(r, 6, DIG)}.${randomToken(r, 5, DIG)}@saddam${Math.floor(r() * 9) + 1}.rambler.ru>`;
      h.push(mxReceived(`mxout${Math.floor(r() * 9)}.rambler.ru`, `81.19.${Math.floor(r() * 90)}.${Math.floor(r() * 250)}`, r, at));
      h.push(['Received', `from [${`188.${Math.floor(r() * 200)}.${Math.floor(r() * 200)}.${Math.floor(r() * 200)}`}] by mail.rambler.ru with HTTP; ${rfcDate(at.utcMs, 180)}`]);
      h.push(['From', from('utf-8', 'B', true)]);
      h.push(['To', env.to ?? 'info@khab.dvec.ru']);
      if (env.cc) h.push(['Cc', env.cc]);
      threading();
      h.push(['Subject', subject]);
      h.push(['Date', date]);
      h.push(['Message-Id', messageId]);
      h.push(['X-Mailer', 'Rambler WebMail, http://mail.rambler.ru/']);
      h.push(['MIME-Version', '1.0']);
      break;
    }
    case 'samsung': {
      const dom = env.from.split('@')[1] ?? 'mail.ru';
      messageId = `<${randomToken(r, 8, HEX)}.${randomToken(r, 4, HEX)}@email.android.com>`;
      h.push(mxReceived(`smtp${Math.floor(r() * 50)}.${dom}`, `217.69.139.${Math.floor(r() * 200) + 20}`, r, at));
      h.push(['Date', date]);
      h.push(['Message-ID', messageId]);
      threading();
      h.push(['Subject', subject]);
      h.push(['From', from('UTF-8', 'B', true)]);
      h.push(['To', env.to ?? '"info@khab.dvec.ru" <info@khab.dvec.ru>']);
      if (env.cc) h.push(['Cc', env.cc]);
      h.push(['MIME-Version', '1.0']);
      h.push(['X-Mailer', 'Samsung Email 6.1.91.16']);
      break;
    }
  }
  h.push(...(env.extra ?? []));
  return { headers: h, messageId };
}
