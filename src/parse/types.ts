// The contract between MIME parsing (src/parse) and everything downstream (extract, decide, store).

export interface ParsedAttachment {
  filename: string | null;
  /** Lower-case MIME type as declared, e.g. "image/jpeg". */
  contentType: string;
  size: number;
  /** Content-ID without angle brackets, when present. */
  contentId: string | null;
  /** True for inline parts (Content-Disposition inline or referenced by cid: from the HTML). */
  inline: boolean;
  content: Buffer;
}

export interface Address {
  address: string | null;
  name: string | null;
}

/** Why a message could not be read (fully). Stable codes, used as decision reasons. */
export type ParseProblem =
  | 'empty'            // zero bytes or only whitespace
  | 'not_a_message'    // binary or no RFC 5322 header block
  | 'truncated'        // structure ends mid-way (open multipart, cut base64, …)
  | 'too_large'        // over the byte limit: parsed headers only
  | 'too_many_parts';  // over the MIME part limit: extra parts dropped

export interface ParsedMessage {
  messageId: string | null;
  subject: string;
  from: Address;
  replyTo: Address | null;
  to: string[];
  /** Date header, null when missing or unparsable. */
  date: Date | null;
  /** Every header, lower-case name → decoded values in order of appearance. */
  headers: Record<string, string[]>;
  /** Lower-case top-level Content-Type without parameters, e.g. "multipart/report". */
  contentType: string;
  /** New content the sender wrote: body text (HTML converted) minus quoted history, signature, disclaimers. */
  text: string;
  /** Quoted history and forwarded messages that were removed from `text`. */
  quoted: string;
  /** Signature and disclaimer lines that were removed from `text`. */
  signature: string;
  /** Whole body as text before any stripping (for the clerk and for debugging). */
  fullText: string;
  /** Sanitisation is the UI's job: this is the raw HTML body when the message had one. */
  html: string | null;
  attachments: ParsedAttachment[];
  /** Text of attached plain-text / CSV files (an HOA's list of readings), decoded; empty when none. */
  attachmentText: string;
  problems: ParseProblem[];
}

export interface ParseLimits {
  /** Bigger messages are not body-parsed (problem `too_large`). */
  maxBytes: number;
  /** More MIME parts than this → problem `too_many_parts`, the rest dropped. */
  maxParts: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxBytes: 25 * 1024 * 1024, maxParts: 200 };
