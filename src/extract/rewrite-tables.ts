// Tables (HTML tables arrive as "a | b | c" rows, spreadsheets as tabs or ";", plain text aligned with spaces):
// when a header row names the columns, each data row is rewritten as a labelled sentence
// ("л/с 2701… , счётчик № …, день 123, ночь 45") and columns such as the flat number or the previous
// reading are dropped. Rows without a recognisable header stay as they are. Pure.
import { normaliseLine } from './scan-line.js';

type Role = 'skip' | 'account' | 'meter' | 'value' | 'other';

interface Column {
  role: Role;
  /** Words put before the cell in the rewritten row. */
  prefix: string;
}

const SEPARATORS: { name: string; split: (l: string) => string[] }[] = [
  { name: 'pipe', split: (l) => l.split('|') },
  { name: 'tab', split: (l) => l.split('\t') },
  { name: 'semicolon', split: (l) => l.split(';') },
  { name: 'spaces', split: (l) => l.trim().split(/ {2,}/) },
];

const OLD = /предыд|(?<![\p{L}])пред(?:\.|(?![\p{L}]))|начальн|прошл|прежн|расход|разниц|потреб|сумм|итог|дата|примеч|коммент|тел|фио|ф\.и\.о|собственн|адрес|улиц|подъезд|этаж|тариф\s*руб|стоим|начисл/u;
const FLAT = /^(?:№\s*)?(?:кв\p{L}*\.?|помещ\p{L}*|дом|№|n|#|№\s*п\/?п|п\/п|пп)$/u;
const ACCOUNT = /лицев|л\/с|^лс$|лиц\.|^сч[её]т$|номер\s+сч[её]та|^счет\s*№|абонент/u;
const METER = /сч[её]тчик|счетч|(?<![\p{L}])(?:ипу|пу)(?![\p{L}])|прибор|заводск|зав\.|серийн|s\/n/u;
const ZONE3 = /полупик|(?<![\p{L}])(?:т3|t3)(?![\p{L}\p{N}])/u;
const ZONE2 = /ноч|(?<![\p{L}])(?:т2|t2)(?![\p{L}\p{N}])/u;
const ZONE1 = /(?<!полу)пик|день|дн[её]в|(?<![\p{L}])(?:т1|t1)(?![\p{L}\p{N}])/u;
const VALUE = /показ|текущ|квт|гкал|значени/u;
const HEAT = /гкал|тепл|отоплен/u;
const POWER = /квт|электр|эл\.?\s*\/?\s*эн|э\/э/u;

function classify(cell: string): Column {
  const c = normaliseLine(cell).trim();
  if (c === '') return { role: 'other', prefix: '' };
  if (OLD.test(c)) return { role: 'skip', prefix: '' };
  if (ZONE3.test(c)) return { role: 'value', prefix: 'т3' };
  if (ZONE2.test(c)) return { role: 'value', prefix: 'т2' };
  if (ZONE1.test(c)) return { role: 'value', prefix: 'т1' };
  if (METER.test(c)) return { role: 'meter', prefix: 'счётчик №' };
  if (ACCOUNT.test(c)) return { role: 'account', prefix: 'л/с' };
  if (VALUE.test(c) || HEAT.test(c) || POWER.test(c)) {
    // The kind named in the header travels into each row ("Отопление, Гкал" → "отопление показания 38,707").
    const kind = HEAT.test(c) ? 'отопление ' : POWER.test(c) ? 'электроэнергия ' : '';
    return { role: 'value', prefix: `${kind}показания` };
  }
  if (FLAT.test(c)) return { role: 'skip', prefix: '' };
  return { role: 'other', prefix: '' };
}

/** Cells of a row, or null when the line is not split by this separator into at least 2 cells. */
function cellsOf(line: string, split: (l: string) => string[]): string[] | null {
  let cells = split(line).map((c) => c.trim());
  // "| a | b |" has empty outer cells
  if (cells.length > 2 && cells[0] === '' ) cells = cells.slice(1);
  if (cells.length > 2 && cells[cells.length - 1] === '') cells = cells.slice(0, -1);
  return cells.length >= 2 ? cells : null;
}

export function rewriteTables(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!;
    if (/\d{3,}/.test(header)) continue;
    for (const sep of SEPARATORS) {
      const cells = cellsOf(header, sep.split);
      if (!cells) continue;
      const columns = cells.map(classify);
      const roles = new Set(columns.map((c) => c.role));
      if (!roles.has('value') || !(roles.has('account') || roles.has('meter'))) continue;
      let j = i + 1;
      for (; j < lines.length; j++) {
        const row = cellsOf(lines[j]!, sep.split);
        if (!row || Math.abs(row.length - cells.length) > 1 || !/\d/.test(lines[j]!)) break;
        out[j] = rewriteRow(row, columns);
      }
      if (j > i + 1) {
        out[i] = '';
        i = j - 1;
        break;
      }
    }
  }
  return out;
}

function rewriteRow(row: string[], columns: Column[]): string {
  const parts: string[] = [];
  row.forEach((cell, k) => {
    const col = columns[k] ?? { role: 'other', prefix: '' };
    if (col.role === 'skip' || cell === '' || cell === '-' || cell === '—') return;
    parts.push(col.prefix ? `${col.prefix} ${cell}` : cell);
  });
  return parts.join(', ');
}
