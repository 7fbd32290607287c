// Which attachments of a message are worth reading as meter photos. Decided from magic bytes and image headers
// only (no decoding), so a message with hundreds of images costs header reads, and at most maxImages go on.
import { createHash } from 'node:crypto';
import type { ParsedAttachment } from '../parse/types.js';
import { inspectImage } from './inspect-image.js';
import type { ImageHeader, InspectLimits } from './inspect-image.js';
import { isPhotoFormat, sniffImage } from './sniff-image.js';
import type { SniffedFormat } from './sniff-image.js';
import type { ImageProblem } from './types.js';

export interface SelectImagesLimits extends InspectLimits {
  /** Photos read per message; the rest are reported once as too_many_images. */
  maxImages: number;
}

/** Images smaller than this on both sides are signature logos and icons, not meter photos. */
export const MIN_PHOTO_SIDE = 200;

export interface SelectedPhoto {
  attachmentIndex: number;
  header: ImageHeader;
}

export interface ImageIssue {
  /** The attachment; for too_many_images the first one over the limit. */
  attachmentIndex: number;
  problem: ImageProblem;
  detail: string;
}

export interface UnsupportedAttachment {
  attachmentIndex: number;
  contentType: string;
  filename: string | null;
  format: SniffedFormat;
}

export type SkipReason = 'small' | 'vector' | 'icon' | 'duplicate';

export interface SelectImagesResult {
  /** Candidate meter photos in attachment order, at most maxImages. */
  photos: SelectedPhoto[];
  /** Images that cannot be read (empty, corrupt, too large) and at most one too_many_images. */
  problems: ImageIssue[];
  /** Files the sender may have meant as the reading that we do not read (PDF scans, Word, TIFF): attachment_unsupported. */
  unsupported: UnsupportedAttachment[];
  /** Decoration and repeats, ignored without a word. */
  skipped: { attachmentIndex: number; reason: SkipReason }[];
}

// Parts that are not the customer's "file": text and CSV are read by src/parse, signatures and calendars are noise.
const IGNORED_TYPE = /^(text\/|message\/|multipart\/)|^application\/(pkcs7-signature|x-pkcs7-signature|pgp-signature|pgp-keys|pgp-encrypted|ics|csv|x-csv)$/;
const TEXT_FILE = /\.(txt|csv|tsv|ics|vcf|p7s|asc|sig)$/i;
const IMAGE_NAME = /\.(jpe?g|jfif|png|gif|webp|heic|heif|avif)$/i;

type Verdict =
  | { kind: 'photo'; header: ImageHeader }
  | { kind: 'problem'; problem: ImageProblem; detail: string }
  | { kind: 'unsupported'; format: SniffedFormat }
  | { kind: 'skip'; reason: SkipReason }
  | { kind: 'ignore' };

function claimsImage(a: ParsedAttachment): boolean {
  return a.contentType.startsWith('image/') || IMAGE_NAME.test(a.filename ?? '');
}

/** Everything but photo formats: what to say about a file we will not decode. */
function judgeOther(a: ParsedAttachment, format: SniffedFormat): Verdict {
  if (format === 'svg') return { kind: 'skip', reason: 'vector' };
  if (format === 'ico') return { kind: 'skip', reason: 'icon' };
  if (format !== 'unknown') return { kind: 'unsupported', format };
  if (claimsImage(a)) {
    if (a.content.length === 0) return { kind: 'problem', problem: 'image_empty', detail: 'zero bytes' };
    return { kind: 'problem', problem: 'image_corrupt', detail: `declared ${a.contentType}, content is no image format` };
  }
  if (a.content.length === 0 || IGNORED_TYPE.test(a.contentType) || TEXT_FILE.test(a.filename ?? '')) return { kind: 'ignore' };
  return { kind: 'unsupported', format };
}

async function judge(a: ParsedAttachment, limits: InspectLimits): Promise<Verdict> {
  const format = sniffImage(a.content);
  if (!isPhotoFormat(format)) return judgeOther(a, format);
  const inspected = await inspectImage(a.content, limits);
  if (!inspected.ok) return { kind: 'problem', problem: inspected.problem, detail: inspected.detail };
  const { width, height } = inspected.header;
  if (width < MIN_PHOTO_SIDE && height < MIN_PHOTO_SIDE) return { kind: 'skip', reason: 'small' };
  return { kind: 'photo', header: inspected.header };
}

function isRepeat(seen: Set<string>, bytes: Buffer): boolean {
  const hash = createHash('sha256').update(bytes).digest('base64');
  if (seen.has(hash)) return true;
  seen.add(hash);
  return false;
}

function record(result: SelectImagesResult, attachmentIndex: number, a: ParsedAttachment, verdict: Verdict): void {
  if (verdict.kind === 'photo') result.photos.push({ attachmentIndex, header: verdict.header });
  else if (verdict.kind === 'problem') result.problems.push({ attachmentIndex, problem: verdict.problem, detail: verdict.detail });
  else if (verdict.kind === 'skip') result.skipped.push({ attachmentIndex, reason: verdict.reason });
  else if (verdict.kind === 'unsupported') {
    result.unsupported.push({ attachmentIndex, contentType: a.contentType, filename: a.filename, format: verdict.format });
  }
}

export async function selectImages(attachments: readonly ParsedAttachment[], limits: SelectImagesLimits): Promise<SelectImagesResult> {
  const result: SelectImagesResult = { photos: [], problems: [], unsupported: [], skipped: [] };
  const seen = new Set<string>();
  const overflow: number[] = [];
  for (const [index, a] of attachments.entries()) {
    let verdict = await judge(a, limits);
    if ((verdict.kind === 'photo' || verdict.kind === 'problem') && isRepeat(seen, a.content)) verdict = { kind: 'skip', reason: 'duplicate' };
    if (verdict.kind === 'photo' && result.photos.length >= limits.maxImages) overflow.push(index);
    else record(result, index, a, verdict);
  }
  if (overflow.length > 0) {
    const detail = `${overflow.length} more photos over the limit of ${limits.maxImages} were not read`;
    result.problems.push({ attachmentIndex: overflow[0]!, problem: 'too_many_images', detail });
  }
  return result;
}
