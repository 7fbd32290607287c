// Did the receiving server find the sender forged? Only the newest Authentication-Results header counts: it is
// the one our own mail server added on receipt (older ones travel with the message and prove nothing). Pure.
import type { HeaderMap } from './detect-machine-mail.js';

const FAILED = /\b(?:spf=(?:fail|softfail|permerror)|dkim=(?:fail|permerror)|dmarc=(?:fail|permerror))\b/i;

export function senderAuthFailed(headers: HeaderMap): boolean {
  const newest = headers['authentication-results']?.[0];
  return newest !== undefined && FAILED.test(newest);
}
