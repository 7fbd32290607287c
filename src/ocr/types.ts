// The contract between photo reading (src/ocr, the only place sharp and tesseract.js are imported) and the
// decision core (src/decide, pure). Everything here is plain data.

/** Why an image gave no reading. Stable codes; the decision turns them into review reasons. */
export type ImageProblem =
  | 'image_empty'          // zero bytes
  | 'image_corrupt'        // the decoder failed (truncated, garbage, bad header)
  | 'image_unsupported'    // not a raster photo we decode (PDF, TIFF fax, unknown type)
  | 'image_too_large'      // over the byte or pixel limit
  | 'too_many_images'      // over the per-message image limit: the rest were not looked at
  | 'ocr_timeout'          // over the time limit per image
  | 'no_display_found'     // no counter window / LCD found
  | 'digits_unreadable';   // a display was found but its digits could not be read with any confidence

/** A decoded, EXIF-oriented image in raw pixels, bounded in size (see LoadImageLimits). */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  /** 1 (grey), 3 (RGB) — alpha removed. */
  channels: 1 | 3;
}

export interface LoadImageLimits {
  /** Bytes of one encoded image. */
  maxBytes: number;
  /** sharp's limitInputPixels for the encoded image (width × height). */
  maxInputPixels: number;
  /** The decoded image is downscaled so its longer side is at most this (phone photos are 4000+ px). */
  maxSide: number;
}

export type LoadImageResult = { ok: true; image: RawImage; format: string } | { ok: false; problem: ImageProblem; detail: string };

export type DisplayKind = 'drum' | 'lcd';

/** One possible integer reading of the display, best first in PhotoReading.candidates. */
export interface ReadingCandidate {
  /** Digits of the integer part as shown, leading zeros kept ("004512"). */
  digits: string;
  /** Its value (4512). */
  value: number;
  /** 0..1: the probability-like confidence of the whole string (product/min of digit confidences). */
  confidence: number;
}

export interface CropBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What one photo says. */
export interface PhotoReading {
  /** Index of the attachment in ParsedMessage.attachments. */
  attachmentIndex: number;
  /** null when the image was read; otherwise why not. */
  problem: ImageProblem | null;
  display: DisplayKind | null;
  /** Integer-part readings, best first; empty when unreadable. Decimals (red drums, digits after the LCD point) dropped. */
  candidates: ReadingCandidate[];
  /** Per-digit confidences of the best candidate, 0..1, same length as candidates[0].digits. */
  digitConfidence: number[];
  /** Serial number (№ …) when it was read from the faceplate; never the model, year or current rating. */
  serial: string | null;
  /** 0..1: how sure the serial's least sure digit is (absent when no serial was read). */
  serialConfidence?: number;
  /** Tariff indicator on an LCD ("T1", "T2") when visible. */
  zone: 't1' | 't2' | 't3' | null;
  /** The display's box in the oriented image (for the clerk's highlight), null when none found. */
  crop: CropBox | null;
  /** Size of the oriented image the crop refers to. */
  imageWidth: number;
  imageHeight: number;
  /** Time spent on this image, ms. */
  ms: number;
  /** Why the recogniser lowered its confidence (see PhotoDoubt); absent when it had none or did not say. */
  doubtCodes?: PhotoDoubt[];
  /** Other counters in the photo (meters side by side in a cabinet), each with the serial read on its own plate
   *  when the chosen counter's was read: the decision takes the counter whose serial is the meter's, and does not
   *  take a counter whose serial is unread for the customer's when another stands beside it. Absent when none. */
  otherCounters?: OtherCounter[];
}

/** Another counter in a photo than the one the recogniser chose, read nearly as surely, at the same size. */
export interface OtherCounter {
  display: DisplayKind;
  candidates: ReadingCandidate[];
  digitConfidence: number[];
  /** Its serial, when read (it is looked for only when the chosen counter's was read). */
  serial: string | null;
  serialConfidence?: number;
  zone: PhotoReading['zone'];
  crop: CropBox;
  doubtCodes?: PhotoDoubt[];
}

/** Doubts about the layout of the digits read. `row_extent` (the row may go on beyond what was read) is the one
 *  the registry can settle: a drum counter shows exactly the meter's number of digits. */
export type PhotoDoubt = 'row_extent' | 'touches_border' | 'missing_digit' | 'half_turned' | 'strays' | 'no_decimal_point' | 'glare'
  | 'red_inside' | 'uneven_heights' | 'few_digits' | 'many_digits' | 'faceplate_font' | 'engines_disagree' | 'smaller_row' | 'other';

/** Everything the photos of one message say, for the decision (src/decide/weigh-photos.ts). */
export interface MessagePhotos {
  /** Candidate meter photos that were decoded and looked at, in attachment order. */
  readings: PhotoReading[];
  /** Images that could not be looked at (empty, corrupt, too large, over the per-message limit, timed out). */
  problems: { attachmentIndex: number; problem: ImageProblem }[];
  /** Attachments that may hold the reading but are not photos we read (PDF scans, documents). */
  unsupported: number;
}
