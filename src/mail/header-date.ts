/** The Date header of a raw message (RFC 5322), or undefined when absent or unreadable. Reads only the header. */
export function headerDate(raw: Buffer): Date | undefined {
  const end = raw.indexOf('\r\n\r\n');
  const endLf = raw.indexOf('\n\n');
  const headerEnd = [end, endLf].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), raw.length);
  // Unfold continuation lines, then take the first Date field.
  const header = raw.subarray(0, headerEnd).toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const match = /^Date:[ \t]*(.+?)[ \t]*$/im.exec(header);
  if (!match) return undefined;
  // Comments such as "(MSK)" and obsolete zone names after a numeric offset confuse Date.parse.
  const value = match[1]!.replace(/\([^)]*\)/g, ' ').trim();
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
