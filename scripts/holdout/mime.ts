// Minimal raw-MIME builder for the hold-out corpus: real charsets (iconv-lite), real transfer encodings,
// CRLF line ends, so the corpus exercises the parser the way real mail clients do.
import iconv from "iconv-lite";

export type Charset = "utf-8" | "windows-1251" | "koi8-r";
export type TransferEncoding = "8bit" | "7bit" | "quoted-printable" | "base64";

export interface MimePart {
  headers: string[];
  body: Buffer;
}

const CRLF = "\r\n";

export function encodeCharset(text: string, charset: Charset): Buffer {
  return charset === "utf-8" ? Buffer.from(text, "utf8") : iconv.encode(text, charset);
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, CRLF);
}

export function encodeQuotedPrintable(bytes: Buffer): string {
  const lines = bytes.toString("latin1").split(CRLF);
  return lines
    .map((line) => {
      let encoded = "";
      for (let i = 0; i < line.length; i++) {
        const code = line.charCodeAt(i);
        const isTrailingSpace = (code === 0x20 || code === 0x09) && i === line.length - 1;
        const plain = code >= 0x20 && code <= 0x7e && code !== 0x3d && !isTrailingSpace;
        encoded += plain ? line[i] : "=" + code.toString(16).toUpperCase().padStart(2, "0");
      }
      // Soft breaks keep every physical line within 76 characters without splitting an =XX escape.
      const out: string[] = [];
      while (encoded.length > 75) {
        let cut = 75;
        const esc = encoded.lastIndexOf("=", cut - 1);
        if (esc > cut - 3) cut = esc;
        out.push(encoded.slice(0, cut) + "=");
        encoded = encoded.slice(cut);
      }
      out.push(encoded);
      return out.join(CRLF);
    })
    .join(CRLF);
}

function encodeBase64Lines(bytes: Buffer): string {
  return (bytes.toString("base64").match(/.{1,76}/g) ?? []).join(CRLF);
}

function encodeBody(bytes: Buffer, cte: TransferEncoding): Buffer {
  if (cte === "base64") return Buffer.from(encodeBase64Lines(bytes), "latin1");
  if (cte === "quoted-printable") return Buffer.from(encodeQuotedPrintable(bytes), "latin1");
  return bytes;
}

/** RFC 2047 encoded-word(s); long text is split into several words on character boundaries. */
export function encodeWord(text: string, charset: Charset = "utf-8", mode: "B" | "Q" = "B"): string {
  const words: string[] = [];
  let chunk = "";
  const flush = () => {
    if (!chunk) return;
    const bytes = encodeCharset(chunk, charset);
    const payload =
      mode === "B"
        ? bytes.toString("base64")
        : [...bytes]
            .map((b) =>
              b === 0x20 ? "_" : /[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : "=" + b.toString(16).toUpperCase().padStart(2, "0"),
            )
            .join("");
    words.push(`=?${charset.toUpperCase()}?${mode}?${payload}?=`);
    chunk = "";
  };
  for (const ch of text) {
    chunk += ch;
    if (encodeCharset(chunk, charset).length >= (mode === "B" ? 36 : 20)) flush();
  }
  flush();
  return words.join(CRLF + " ");
}

/** Header value: ASCII as is, anything else as encoded words (or raw UTF-8 when a sloppy client is imitated). */
export function headerText(text: string, opts: { charset?: Charset; mode?: "B" | "Q" | "raw" } = {}): string {
  if (/^[\x20-\x7e]*$/.test(text) || opts.mode === "raw") return text;
  return encodeWord(text, opts.charset ?? "utf-8", opts.mode ?? "B");
}

/** "Имя <addr>" with the display name encoded when needed. */
export function address(name: string, email: string, charset: Charset = "utf-8"): string {
  if (!name) return email;
  return `${headerText(name, { charset })} <${email}>`;
}

export interface TextOptions {
  charset?: Charset;
  cte?: TransferEncoding;
  subtype?: "plain" | "html";
  flowed?: boolean;
}

export function textPart(text: string, opts: TextOptions = {}): MimePart {
  const charset = opts.charset ?? "utf-8";
  const cte = opts.cte ?? "8bit";
  const subtype = opts.subtype ?? "plain";
  const flowed = opts.flowed ? "; format=flowed" : "";
  return {
    headers: [`Content-Type: text/${subtype}; charset=${charset}${flowed}`, `Content-Transfer-Encoding: ${cte}`],
    body: encodeBody(encodeCharset(toCrlf(text), charset), cte),
  };
}

export function htmlPart(html: string, opts: Omit<TextOptions, "subtype"> = {}): MimePart {
  return textPart(html, { ...opts, subtype: "html" });
}

export function attachmentPart(filename: string, contentType: string, bytes: Buffer, inline = false): MimePart {
  return {
    headers: [
      `Content-Type: ${contentType}; name="${filename}"`,
      `Content-Disposition: ${inline ? "inline" : "attachment"}; filename="${filename}"`,
      "Content-Transfer-Encoding: base64",
    ],
    body: encodeBody(bytes, "base64"),
  };
}

/** A part whose headers and body are given verbatim (delivery-status, message/rfc822). */
export function rawPart(contentType: string, body: string, extraHeaders: string[] = []): MimePart {
  return { headers: [`Content-Type: ${contentType}`, ...extraHeaders], body: Buffer.from(toCrlf(body), "utf8") };
}

let boundaryCounter = 0;

export function multipart(subtype: string, parts: MimePart[], params = ""): MimePart {
  boundaryCounter += 1;
  const boundary = `----=_Part_${boundaryCounter}_${(0x5a3f19 * boundaryCounter).toString(16)}.holdout`;
  const chunks: Buffer[] = [Buffer.from(`This is a multi-part message in MIME format.${CRLF}`, "latin1")];
  for (const part of parts) {
    chunks.push(Buffer.from(`${CRLF}--${boundary}${CRLF}${part.headers.join(CRLF)}${CRLF}${CRLF}`, "latin1"));
    chunks.push(part.body);
  }
  chunks.push(Buffer.from(`${CRLF}--${boundary}--${CRLF}`, "latin1"));
  return {
    headers: [`Content-Type: multipart/${subtype};${params ? ` ${params};` : ""}${CRLF} boundary="${boundary}"`],
    body: Buffer.concat(chunks),
  };
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-21T09:14:00+10:00" -> "Sat, 21 Nov 2026 09:14:00 +1000" (weekday of the sender's local date). */
export function rfc5322Date(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`bad date spec ${local}`);
  const [, y = "", mo = "", d = "", hh, mi, ss, sign, oh, om] = m;
  const weekday = WEEKDAYS[new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDay()];
  return `${weekday}, ${d} ${MONTHS[+mo - 1]} ${y} ${hh}:${mi}:${ss} ${sign}${oh}${om}`;
}

export interface MessageSpec {
  from: string;
  to?: string;
  date: string;
  subject: string;
  subjectCharset?: Charset;
  subjectMode?: "B" | "Q" | "raw";
  messageId: string;
  /** Envelope sender as the receiving server recorded it; "" gives the null sender of a bounce. */
  returnPath?: string;
  extraHeaders?: string[];
  body: MimePart;
}

export function buildMessage(spec: MessageSpec): Buffer {
  const headers = [
    `Return-Path: <${spec.returnPath ?? /<([^>]*)>/.exec(spec.from)?.[1] ?? spec.from}>`,
    `From: ${spec.from}`,
    `To: ${spec.to ?? "info@khab.dvec.ru"}`,
    `Subject: ${headerText(spec.subject, { charset: spec.subjectCharset, mode: spec.subjectMode })}`,
    `Date: ${rfc5322Date(spec.date)}`,
    `Message-ID: <${spec.messageId}>`,
    ...(spec.extraHeaders ?? []),
    "MIME-Version: 1.0",
    ...spec.body.headers,
  ];
  return Buffer.concat([Buffer.from(headers.join(CRLF) + CRLF + CRLF, "utf8"), spec.body.body, Buffer.from(CRLF, "latin1")]);
}
