// Security headers of every response. Pages allow only our own script and stylesheet; the message frame, photos
// and downloads set their own, stricter policies (see routes/message-content-routes.ts).
export const PAGE_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "frame-src 'self'",
  "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
].join('; ');

/** The sanitised message HTML: nothing may load or run; images only as data: URIs (resolved cid: parts). */
export const FRAME_CSP = [
  "default-src 'none'", 'img-src data:', "style-src 'unsafe-inline'", "form-action 'none'", "base-uri 'none'",
  "frame-ancestors 'self'", 'sandbox',
].join('; ');

/** A photo or a download opened on its own: inert. */
export const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";

export const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
