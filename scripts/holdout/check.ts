// Validates the hold-out corpus against /work/shared/CORPUS.md: registry sanity, every expected.json against the
// registry and the decision rules, machine markers vs "ignore", the window vs the Date header, and that every
// expected value is actually written in the decoded message.
// Usage: npx tsx scripts/holdout/check.ts [DIR]   (default test/corpora/holdout)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { simpleParser, type ParsedMail } from "mailparser";

type Decision = "accept" | "review" | "reject" | "ignore";
const DECISIONS: Decision[] = ["accept", "review", "reject", "ignore"];
const ZONE_KEYS = ["t1", "t2", "t3"] as const;
const MAX_INCREASE = { electricity: 5000, heat: 50 } as const;
const VLADIVOSTOK_OFFSET_MS = 10 * 3600 * 1000;

interface Meter {
  account: string;
  meter: string;
  kind: "electricity" | "heat";
  zones: number;
  digits: number;
  last: Array<number | null>;
  lastDate: string;
  emails: string[];
}

interface Reading {
  account: string;
  meter: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
}

interface Expected {
  decision: Decision;
  readings: Reading[];
  note: string;
}

const LATIN_TO_CYRILLIC: Record<string, string> = { A: "А", B: "В", C: "С", E: "Е", H: "Н", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У" };
const foldSerial = (s: string) => [...s.toUpperCase()].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join("");

const errors: string[] = [];
const fail = (where: string, msg: string) => errors.push(`${where}: ${msg}`);

function loadRegistry(file: string): Meter[] {
  const csv = readFileSync(file, "utf8");
  const rows = parseCsv(csv, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const header = csv.split("\n")[0];
  if (header !== "account,meter,kind,zones,digits,last_t1,last_t2,last_t3,last_date,emails") fail("registry.csv", `bad header ${header}`);
  const meters = rows.map((r, i): Meter => {
    const where = `registry.csv row ${i + 2}`;
    const col = (key: string) => r[key] ?? "";
    const m: Meter = {
      account: col("account"),
      meter: col("meter"),
      kind: col("kind") as Meter["kind"],
      zones: Number(col("zones")),
      digits: Number(col("digits")),
      last: [col("last_t1"), col("last_t2"), col("last_t3")].map((v) => (v === "" ? null : Number(v))),
      lastDate: col("last_date"),
      emails: col("emails") ? col("emails").split(";") : [],
    };
    if (!/^\d{6,12}$/.test(m.account)) fail(where, `account ${m.account} is not 6..12 digits`);
    if (!m.meter.trim()) fail(where, "empty meter");
    if (m.kind !== "electricity" && m.kind !== "heat") fail(where, `bad kind ${m.kind}`);
    if (![1, 2, 3].includes(m.zones)) fail(where, `bad zones ${m.zones}`);
    if (m.kind === "heat" && (m.zones !== 1 || m.digits < 4 || m.digits > 6)) fail(where, "heat meters: 1 zone, 4..6 digits");
    m.last.forEach((v, z) => {
      if (z < m.zones && (v === null || !Number.isInteger(v) || String(v).length > m.digits)) fail(where, `last_t${z + 1} missing or too long`);
      if (z >= m.zones && v !== null) fail(where, `last_t${z + 1} set on a ${m.zones}-zone meter`);
    });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(m.lastDate)) fail(where, `bad last_date ${m.lastDate}`);
    return m;
  });
  const seen = new Map<string, string>();
  for (const m of meters) {
    const key = foldSerial(m.meter);
    if (seen.has(key)) fail("registry.csv", `serial ${m.meter} collides with ${seen.get(key)} (look-alike folding)`);
    seen.set(key, m.meter);
  }
  return meters;
}

function vladivostokDay(date: Date): { day: number; label: string } {
  const local = new Date(date.getTime() + VLADIVOSTOK_OFFSET_MS);
  return { day: local.getUTCDate(), label: local.toISOString().slice(0, 16).replace("T", " ") };
}

function machineMarkers(mail: ParsedMail): string[] {
  const h = (name: string) => {
    const v = mail.headers.get(name);
    return v === undefined ? undefined : typeof v === "string" ? v : JSON.stringify(v);
  };
  const markers: string[] = [];
  const autoSubmitted = h("auto-submitted");
  if (autoSubmitted !== undefined && autoSubmitted.trim().toLowerCase() !== "no") markers.push(`Auto-Submitted: ${autoSubmitted}`);
  if (h("x-autoreply") !== undefined) markers.push("X-Autoreply");
  if (h("x-autorespond") !== undefined) markers.push("X-Autorespond");
  const precedence = h("precedence")?.trim().toLowerCase();
  if (precedence && ["bulk", "junk", "list"].includes(precedence)) markers.push(`Precedence: ${precedence}`);
  const contentType = mail.headers.get("content-type") as { value?: string } | undefined;
  if (contentType?.value?.toLowerCase() === "multipart/report") markers.push("multipart/report");
  const sender = mail.from?.value[0]?.address?.toLowerCase() ?? "";
  if (/^(mailer-daemon|postmaster)@/.test(sender)) markers.push(`sender ${sender}`);
  return markers;
}

/** Decoded text the numbers must come from: subject, text part(s), HTML with tags removed. */
function searchableText(mail: ParsedMail): string {
  const html = typeof mail.html === "string" ? mail.html.replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ") : "";
  const raw = [mail.subject ?? "", mail.text ?? "", html].join("\n").replace(/\u00a0/g, " ");
  // Join digit groups written with a thousands space ("14 698" -> "14698").
  return raw.replace(/(?<=(?:^|\D)\d{1,3}) (?=\d{3}(?!\d))/g, "");
}

function checkReadingShape(where: string, r: Reading): void {
  if (typeof r.account !== "string" || typeof r.meter !== "string") fail(where, "account/meter must be strings");
  for (const k of ZONE_KEYS) {
    if (!(k in r)) fail(where, `missing ${k}`);
    else if (r[k] !== null && !Number.isInteger(r[k])) fail(where, `${k} must be an integer or null`);
  }
}

/** Rule failures of one reading (empty = the reading alone would be accepted). */
function ruleFailures(r: Reading, registry: Meter[]): string[] {
  const meter = registry.find((m) => m.meter === r.meter);
  if (!registry.some((m) => m.account === r.account)) return ["account not in registry (spelled exactly)"];
  if (!meter) return ["meter not in registry (spelled exactly)"];
  if (meter.account !== r.account) return [`meter belongs to ${meter.account}`];
  const out: string[] = [];
  const given = ZONE_KEYS.filter((k) => r[k] !== null);
  const expectedKeys = ZONE_KEYS.slice(0, meter.zones);
  if (given.length !== meter.zones || !expectedKeys.every((k) => r[k] !== null)) out.push(`needs exactly t1..t${meter.zones}`);
  expectedKeys.forEach((k, z) => {
    const value = r[k];
    const last = meter.last[z];
    if (value === null || last === null || last === undefined) return;
    if (String(value).length > meter.digits) out.push(`${k}=${value} exceeds ${meter.digits} digits`);
    if (value < last) out.push(`${k}=${value} decreased from ${last}`);
    if (value - last > MAX_INCREASE[meter.kind]) out.push(`${k}=${value} rises ${value - last} > ${MAX_INCREASE[meter.kind]}`);
  });
  return out;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? fileURLToPath(new URL("../../test/corpora/holdout/", import.meta.url));
  const registry = loadRegistry(join(dir, "registry.csv"));
  const files = readdirSync(dir);
  const names = files.filter((f) => f.endsWith(".eml")).map((f) => f.slice(0, -4)).sort();
  for (const f of files.filter((f) => f.endsWith(".expected.json"))) {
    if (!names.includes(f.slice(0, -".expected.json".length))) fail(f, "no matching .eml");
  }

  const counts: Record<Decision, number> = { accept: 0, review: 0, reject: 0, ignore: 0 };
  const reviewWithValidReadings: string[] = [];
  const messageIds = new Set<string>();
  let acceptedReadings = 0;

  for (const name of names) {
    if (DECISIONS.some((d) => name.toLowerCase().includes(d))) fail(name, "file name contains a decision word");
    let expected: Expected;
    try {
      expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8"));
    } catch (e) {
      fail(name, `expected.json missing or invalid: ${(e as Error).message}`);
      continue;
    }
    if (!DECISIONS.includes(expected.decision)) fail(name, `bad decision ${expected.decision}`);
    if (!Array.isArray(expected.readings)) fail(name, "readings must be an array");
    if (typeof expected.note !== "string" || !expected.note) fail(name, "note must be a non-empty string");
    const extraKeys = Object.keys(expected).filter((k) => !["decision", "readings", "note"].includes(k));
    if (extraKeys.length) fail(name, `unexpected keys ${extraKeys.join(",")}`);
    expected.readings.forEach((r, i) => checkReadingShape(`${name} reading ${i}`, r));
    counts[expected.decision] = (counts[expected.decision] ?? 0) + 1;

    const mail = await simpleParser(readFileSync(join(dir, `${name}.eml`)));
    if (!mail.date || Number.isNaN(mail.date.getTime())) {
      fail(name, "no parsable Date header");
      continue;
    }
    if (!mail.messageId || messageIds.has(mail.messageId)) fail(name, "missing or duplicate Message-ID");
    messageIds.add(mail.messageId ?? "");
    const { day, label } = vladivostokDay(mail.date);
    const inWindow = day >= 20 && day <= 25;
    const markers = machineMarkers(mail);
    const isIgnore = expected.decision === "ignore";
    if (isIgnore !== markers.length > 0) fail(name, `decision ${expected.decision} but machine markers: [${markers.join("; ")}]`);
    if (/=\?[^?]+\?[BQ]\?/i.test(mail.subject ?? "")) fail(name, "subject still holds an undecoded encoded-word");

    const meterKeys = expected.readings.map((r) => r.meter);
    if (new Set(meterKeys).size !== meterKeys.length) fail(name, "a meter appears twice in readings");

    const text = searchableText(mail);
    for (const r of expected.readings) {
      for (const k of ZONE_KEYS) {
        const value = r[k];
        if (value !== null && !new RegExp(`(?<!\\d)0*${value}(?!\\d)`).test(text)) fail(name, `${r.meter} ${k}=${value} is not written in the decoded message`);
      }
    }

    switch (expected.decision) {
      case "ignore":
        if (expected.readings.length) fail(name, "ignore must list no readings");
        break;
      case "accept":
        if (!inWindow) fail(name, `accept outside the window (Vladivostok ${label})`);
        if (!expected.readings.length) fail(name, "accept without readings");
        for (const r of expected.readings) {
          const problems = ruleFailures(r, registry);
          if (problems.length) fail(name, `accepted reading ${r.account}/${r.meter} breaks rules: ${problems.join("; ")}`);
        }
        acceptedReadings += expected.readings.length;
        break;
      case "reject":
        if (inWindow) fail(name, `reject inside the window (Vladivostok ${label})`);
        if (!expected.readings.length) fail(name, "reject must list what was sent");
        for (const r of expected.readings) {
          const problems = ruleFailures(r, registry);
          if (problems.length) fail(name, `reject reading should be otherwise valid so only the window decides: ${problems.join("; ")}`);
        }
        break;
      case "review":
        if (!inWindow && expected.readings.length) fail(name, "readings outside the window make it a reject, not a review");
        for (const r of expected.readings) {
          const problems = ruleFailures(r, registry);
          if (problems.some((p) => p.includes("not in registry") || p.startsWith("meter belongs"))) fail(name, `review best reading must use registry spelling: ${problems.join("; ")}`);
        }
        if (expected.readings.length && expected.readings.every((r) => ruleFailures(r, registry).length === 0)) reviewWithValidReadings.push(name);
        break;
    }
  }

  const total = names.length;
  const pct = (n: number) => `${Math.round((n / total) * 100)}%`;
  console.log(`${total} messages, ${registry.length} registry meters, ${acceptedReadings} accepted readings`);
  console.log(DECISIONS.map((d) => `${d}=${counts[d]} (${pct(counts[d])})`).join("  "));
  if (reviewWithValidReadings.length) console.log(`review with rule-valid readings (reason is in the note): ${reviewWithValidReadings.join(", ")}`);
  if (errors.length) {
    console.log(`\n${errors.length} problem(s):`);
    for (const e of errors) console.log(`  ${e}`);
    process.exitCode = 1;
  } else {
    console.log("OK");
  }
}

await main();
