// What the recogniser needs from Tesseract: the shape of tesseract-pool.ts's `recognise`, so a fake can stand in.
export type PageSegMode = 'line' | 'word' | 'char' | 'block';

export interface RecognisedSymbol {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface RecognisedText {
  text: string;
  /** 0..1 */
  confidence: number;
  symbols: RecognisedSymbol[];
}

export interface TextRecogniser {
  recognise(png: Buffer, options: { whitelist?: string; psm: PageSegMode }): Promise<RecognisedText>;
}
