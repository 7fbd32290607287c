// What a file is, by its first bytes. Mail clients declare image/jpeg for anything (and
// application/octet-stream for real photos), so the declared type is never trusted.

/** Raster formats we decode. */
export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heif';
/** Formats we recognise but never decode: vectors and documents can reference external resources or hide pages. */
export type OtherFormat = 'pdf' | 'tiff' | 'svg' | 'bmp' | 'ico' | 'unknown';
export type SniffedFormat = PhotoFormat | OtherFormat;

const PHOTO_FORMATS: ReadonlySet<SniffedFormat> = new Set<SniffedFormat>(['jpeg', 'png', 'webp', 'gif', 'heif']);

export function isPhotoFormat(format: SniffedFormat): format is PhotoFormat {
  return PHOTO_FORMATS.has(format);
}

// ISO-BMFF brands of HEIF still images (HEIC and AVIF alike; which codec is decided from the header later).
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis', 'mif2', 'miaf']);

const ascii = (bytes: Buffer, start: number, end: number): string => bytes.toString('latin1', start, end);

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function isHeif(bytes: Buffer): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxEnd = Math.min(bytes.length, bytes.readUInt32BE(0));
  if (HEIF_BRANDS.has(ascii(bytes, 8, 12))) return true;
  for (let i = 16; i + 4 <= boxEnd; i += 4) if (HEIF_BRANDS.has(ascii(bytes, i, i + 4))) return true;
  return false;
}

function isSvg(bytes: Buffer): boolean {
  const head = ascii(bytes, 0, 1024).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return head.startsWith('<svg') || ((head.startsWith('<?xml') || head.startsWith('<!doctype') || head.startsWith('<!--')) && head.includes('<svg'));
}

export function sniffImage(bytes: Buffer): SniffedFormat {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (isHeif(bytes)) return 'heif';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) return 'bmp';
  if (startsWith(bytes, [0, 0, 1, 0]) || startsWith(bytes, [0, 0, 2, 0])) return 'ico';
  if (isSvg(bytes)) return 'svg';
  return 'unknown';
}
