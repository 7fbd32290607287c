// npm run eval:photo-decisions [-- DIR] — what the DECISION does with labelled photos (DIR/labels.json, default
// samples/photos): each photo is read once, then decided as a photo-only email against registry meters whose last
// reading lies 30, 400 and 1,500 below the labelled value (digits as the label's counter; serial as the label's,
// so a photo whose serial is read confirms its meter; a photo of a T2 or T3 display is a multi-zone meter's, whose
// one value alone is a review). Prints accepts, wrong
// accepts (the failure that matters) and automation over the readable photos; every wrong accept by file.
// Then each readable photo beside a typed reading: the labelled value typed (the photo should bear it out: accept)
// and values a customer might type that the photo contradicts — one digit changed, two neighbours swapped, a digit
// dropped or added at an end (the photo must not bear them out: review). A contradicted value accepted is a wrong
// accept as much as a misread photo.
//
// `--verbose` also prints each readable photo-only case not accepted, with its reasons.
// `--save-reads FILE` keeps what the OCR read of each photo (JSON); `--reads FILE` decides from such a file instead
// of reading the photos again — seconds instead of minutes when only the decision rules (src/decide) change. The
// saved reads are those of the OCR code that made them: re-save after changing src/ocr.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSettings, OCR_SETTINGS, RULE_SETTINGS } from '../config.js';
import { decideMessage, type Decision, type DecisionRules } from '../decide/decide-message.js';
import type { RegistryMeter } from '../domain/types.js';
import type { MessagePhotos } from '../ocr/types.js';
import { decisionRules } from '../intake/rules-from-settings.js';
import { ocrOptions } from '../ocr/ocr-options.js';
import { createOcrEngine, type OcrEngine } from '../ocr/read-message-photos.js';
import type { ParsedMessage } from '../parse/types.js';
import { RegistryIndex } from '../validate/registry-index.js';

interface Label { file: string; display: string | null; reading: number | null; digits: string | null; serial?: string | null; unit?: string; zone?: 't1' | 't2' | 't3' | null }

const BELOW = [30, 400, 1500];
const NOW = new Date('2026-11-22T00:00:00Z');

/** The decision on a message with this text and these photos, from account 2701000001 holding this one meter. */
function decideFor(text: string, meter: Pick<RegistryMeter, 'meter' | 'kind' | 'zones' | 'digits' | 'last'>, photos: MessagePhotos, rules: DecisionRules): Decision {
  const registry = new RegistryIndex([{ account: '2701000001', ...meter, lastDate: '2026-10-22', emails: [] }]);
  const message: ParsedMessage = {
    messageId: 'e@x', subject: 'Показания', from: { address: 'x@example.ru', name: null }, replyTo: null, to: [], date: null,
    headers: {}, contentType: 'multipart/mixed', text, quoted: '', signature: '', fullText: text, html: null,
    attachments: [], attachmentText: '', problems: [],
  };
  return decideMessage({ message, registry, rules, at: NOW, photos });
}

/** Values a customer might type that a photo showing `value` contradicts. */
function contradictions(value: number): number[] {
  const s = String(value);
  const out = new Set<number>();
  for (let i = 0; i < s.length; i++) {
    for (const step of [1, 5]) out.add(Number(s.slice(0, i) + String((Number(s[i]) + step) % 10) + s.slice(i + 1)));
    if (i + 1 < s.length && s[i] !== s[i + 1]) out.add(Number(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)));
  }
  if (s.length >= 2) { out.add(Number(s.slice(1))); out.add(Math.floor(value / 10)); }
  out.add(value * 10 + 7);
  out.delete(value);
  return [...out];
}

async function readPhoto(engine: OcrEngine | null, dir: string, file: string): Promise<MessagePhotos> {
  if (engine === null) throw new Error(`${file}: not in the saved reads`);
  const content = await readFile(path.join(dir, file));
  return engine.readPhotos([{ filename: file, contentType: 'image/jpeg', size: content.length, contentId: null, inline: false, content }]);
}

async function main(argv: string[]): Promise<number> {
  const option = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const readsFrom = option('--reads');
  const saveReads = option('--save-reads');
  const verbose = argv.includes('--verbose');
  const dir = argv.find((a, i) => !a.startsWith('--') && !['--reads', '--save-reads'].includes(argv[i - 1] ?? '')) ?? 'samples/photos';
  const labels = JSON.parse(await readFile(path.join(dir, 'labels.json'), 'utf8')) as Label[];
  const settings = loadSettings([...RULE_SETTINGS, ...OCR_SETTINGS]);
  const rules = decisionRules(settings);
  const saved = readsFrom === undefined ? null : (JSON.parse(await readFile(readsFrom, 'utf8')) as Record<string, MessagePhotos>);
  const engine = saved === null ? createOcrEngine(ocrOptions(settings)) : null;
  const reads: Record<string, MessagePhotos> = {};
  let cases = 0, readable = 0, accepts = 0, correct = 0;
  const besideText = { agree: 0, agreeAccepted: 0, contradicted: 0 };
  const missed = new Map<string, number>(); // reasons of readable photo-only cases not accepted
  const wrong: string[] = [];
  try {
    for (const label of labels) {
      const photos = saved?.[label.file] ?? await readPhoto(engine, dir, label.file);
      reads[label.file] = photos;
      const heat = label.unit === 'Gcal';
      // A display showing T2 or T3 is a multi-zone meter's: one zone's value alone is a review (CORPUS.md: the
      // wrong number of zone values), not a reading to take.
      const zones = label.zone === 't3' ? 3 : label.zone === 't2' ? 2 : 1;
      for (const below of BELOW) {
        const scaled = heat ? Math.max(1, Math.round(below / 100)) : below;
        const truth = zones === 1 ? label.reading : null;
        const last = label.reading === null ? 1000 : Math.max(0, label.reading - scaled);
        const d = decideFor('Лицевой счёт 2701000001, показания на фото', {
          meter: label.serial ?? '0110000001', kind: heat ? 'heat' : 'electricity', zones,
          digits: label.digits?.length ?? 6, last: { t1: last, t2: zones >= 2 ? last : null, t3: zones === 3 ? last : null },
        }, photos, rules);
        cases++;
        if (truth !== null) readable++;
        if (d.decision !== 'accept') {
          if (truth !== null) for (const r of d.reasons) missed.set(r, (missed.get(r) ?? 0) + 1);
          if (truth !== null && verbose) process.stdout.write(`missed ${label.file} (last ${last}): ${d.reasons.join(',')} read ${photos.readings.map((p) => `${p.candidates[0]?.digits ?? p.problem}@${p.candidates[0]?.confidence ?? 0} [${(p.doubtCodes ?? []).join(',')}] serial ${p.serial ?? '-'}`).join('; ')}\n`);
          continue;
        }
        accepts++;
        if (truth !== null && d.readings[0]?.t1 === truth) correct++;
        else wrong.push(`${label.file} (last ${last}): accepted ${d.readings[0]?.t1}, truth ${truth}`);
      }
      if (label.reading === null || zones > 1) continue;
      const typed = (value: number) => decideFor(`Лицевой счёт 2701000001, показания ${value}`, {
        meter: label.serial ?? '0110000001', kind: heat ? 'heat' : 'electricity', zones: 1,
        digits: label.digits?.length ?? 6, last: { t1: Math.max(0, value - (heat ? 1 : 30)), t2: null, t3: null },
      }, photos, rules).decision === 'accept';
      besideText.agree++;
      if (typed(label.reading)) besideText.agreeAccepted++;
      for (const v of contradictions(label.reading)) {
        besideText.contradicted++;
        if (typed(v)) wrong.push(`${label.file} beside typed ${v}: accepted, the photo shows ${label.reading}`);
      }
    }
  } finally {
    await engine?.close();
  }
  if (saveReads !== undefined) await writeFile(saveReads, JSON.stringify(reads));
  for (const w of wrong) process.stdout.write(`WRONG ${w}\n`);
  process.stdout.write(`readable cases not accepted, by reason: ${[...missed].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r}=${n}`).join(' ') || 'none'}\n`);
  const contradictedAccepts = wrong.filter((w) => w.includes(' beside typed ')).length;
  process.stdout.write(`beside text: agreeing=${besideText.agree} accepted=${besideText.agreeAccepted} (${((100 * besideText.agreeAccepted) / Math.max(1, besideText.agree)).toFixed(1)}%) contradicted=${besideText.contradicted} accepted=${contradictedAccepts}\n`);
  process.stdout.write(`photos=${labels.length} cases=${cases} readable_cases=${readable} accepts=${accepts} correct=${correct} wrong_accepts=${wrong.length - contradictedAccepts} automation=${((100 * correct) / Math.max(1, readable)).toFixed(1)}%\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
