/** Joins UIDs into an IMAP sequence set of ranges: [5,6,7,8,9,12] → "5:9,12". Sorted, duplicates dropped. */
export function toUidRanges(uids: readonly number[]): string {
  for (const uid of uids) {
    if (!Number.isInteger(uid) || uid < 1 || uid > 0xffffffff) throw new RangeError(`not an IMAP UID: ${uid}`);
  }
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i]!;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) end = sorted[++i]!;
    parts.push(start === end ? String(start) : `${start}:${end}`);
    i++;
  }
  return parts.join(',');
}
