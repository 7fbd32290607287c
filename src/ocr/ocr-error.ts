// Broken OCR infrastructure (not a bad photo: that is an ImageProblem). Carries a stable code and the cause.

export type OcrErrorCode =
  | 'ocr_timeout'  // a job ran over its time limit; its worker was terminated
  | 'ocr_failed'   // the engine failed to start, crashed or rejected the job
  | 'ocr_closed';  // the pool was closed before the job ran

export class OcrError extends Error {
  constructor(readonly code: OcrErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrError';
  }
}
