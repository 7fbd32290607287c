// Is this attachment a photo we may decode? Decided from the bytes' magic and the image header only:
// nothing is decoded here, so a 20,000 × 20,000 pixel bomb costs a header read.
import sharp from 'sharp';
import type { Metadata } from 'sharp';
import { isPhotoFormat, sniffImage } from './sniff-image.js';
import type { ImageProblem, LoadImageLimits } from './types.js';

export type DecodableFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'heic';

export interface ImageHeader {
  format: DecodableFormat;
  /** Size as displayed (EXIF orientation applied). */
  width: number;
  height: number;
}

export type InspectResult = { ok: true; header: ImageHeader } | { ok: false; problem: ImageProblem; detail: string };

export type InspectLimits = Pick<LoadImageLimits, 'maxBytes' | 'maxInputPixels'>;

// HEIF is a container: sharp's libheif has the AV1 decoder (AVIF) but no HEVC one (HEIC, iPhone photos).
const HEIF_CODECS: Record<string, DecodableFormat> = { av1: 'avif', hevc: 'heic' };

const firstLine = (e: unknown): string => String((e as Error)?.message ?? e).split('\n')[0]!;

const fail = (problem: ImageProblem, detail: string): InspectResult => ({ ok: false, problem, detail });

export async function inspectImage(bytes: Buffer, limits: InspectLimits): Promise<InspectResult> {
  if (bytes.length === 0) return fail('image_empty', 'zero bytes');
  if (bytes.length > limits.maxBytes) return fail('image_too_large', `${bytes.length} bytes > ${limits.maxBytes}`);
  const sniffed = sniffImage(bytes);
  if (!isPhotoFormat(sniffed)) return fail('image_unsupported', `${sniffed} is not a photo format`);
  let meta: Metadata;
  try {
    // the header only, so no pixel limit yet: we want the size in order to report it
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    return fail('image_corrupt', `${sniffed} header: ${firstLine(e)}`);
  }
  // sharp sniffs on its own too; both must agree, so nothing but these five loaders ever sees mail bytes
  if (meta.format !== sniffed) return fail('image_corrupt', `looks like ${sniffed}, decoder says ${meta.format}`);
  const format = sniffed === 'heif' ? HEIF_CODECS[meta.compression ?? ''] : sniffed;
  if (format === undefined) return fail('image_unsupported', `HEIF with ${meta.compression ?? 'unknown'} compression`);
  const { width, height } = meta.autoOrient ?? meta;
  if (!width || !height) return fail('image_corrupt', `${format} header without a size`);
  if (width * height > limits.maxInputPixels) {
    return fail('image_too_large', `${width}×${height} = ${width * height} pixels > ${limits.maxInputPixels}`);
  }
  return { ok: true, header: { format, width, height } };
}
