// HTML body → plain text lines for extraction. Quoted history that the HTML marks is kept but
// marked: blockquote-like elements become "> " lines, and a QUOTE_CUT line goes in front of
// reply/forward header blocks after which everything is history (Outlook).
import { compile } from 'html-to-text';
import type { DomNode, FormatCallback, HtmlToTextOptions } from 'html-to-text';

type BlockTextBuilder = Parameters<FormatCallback>[2];
type WalkCallback = Parameters<FormatCallback>[1];
type TablePrinter = NonNullable<Parameters<BlockTextBuilder['closeTable']>[0]>['tableToString'];
type TablePrinterCell = Parameters<TablePrinter>[0][number][number];

/** A line holding only this character: everything from here on is quoted history. */
export const QUOTE_CUT = '\uE000';

const OUTLOOK_DIVIDER_STYLE = /border-top:\s*solid/i;
const REPLY_HEADER_LABEL = /(^|\s)(From|От|De|Von)\s*:/;
const INNER_NEWLINES = /\s*\n\s*/g;
const TRAILING_SPACES = /[ \t]+$/gm;
const EXTRA_BLANK_LINES = /\n{3,}/g;
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
const NBSP = /[\u00a0\u202f]/g;
const TAG = /<[^>]*>/g;
const HIDDEN_BLOCKS = /<(style|script|head|title)\b[\s\S]*?<\/\1\s*>/gi;
const LINE_ENDING_TAGS = /<(br|\/p|\/div|\/tr|\/li)\b[^>]*>/gi;
const BASIC_ENTITY = /&(nbsp|lt|gt|quot|amp);/g;
const BASIC_ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', quot: '"', amp: '&' };
const MAX_DEPTH = 400;

function textOf(elem: DomNode, limit: number): string {
  let out = '';
  const visit = (node: DomNode): void => {
    if (out.length >= limit) return;
    if (node.type === 'text') out += node.data ?? '';
    for (const child of node.children ?? []) visit(child);
  };
  visit(elem);
  return out;
}

function emitCut(builder: BlockTextBuilder): void {
  builder.openBlock({ leadingLineBreaks: 1 });
  builder.addLiteral(QUOTE_CUT);
  builder.closeBlock({ trailingLineBreaks: 1 });
}

function block(elem: DomNode, walk: WalkCallback, builder: BlockTextBuilder): void {
  builder.openBlock({ leadingLineBreaks: 1 });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 1 });
}

/** Outlook web: `#appendonsend` / `#divRplyFwdMsg` start the history. */
const formatQuoteCut: FormatCallback = (elem, walk, builder) => {
  emitCut(builder);
  block(elem, walk, builder);
};

/** Outlook desktop: a div with a top border holding "From: … Sent: …" starts the history. */
const formatBorderedDiv: FormatCallback = (elem, walk, builder) => {
  const style = String(elem.attribs?.style ?? '');
  if (OUTLOOK_DIVIDER_STYLE.test(style) && REPLY_HEADER_LABEL.test(textOf(elem, 400))) emitCut(builder);
  block(elem, walk, builder);
};

/** One table row per line, cells joined with " | "; layout rows (big cells) stay as blocks. */
function rowsToText(rows: TablePrinterCell[][]): string {
  const lines: string[] = [];
  for (const row of rows) {
    const cells = row.map((c) => c.text.trim());
    const filled = cells.filter((c) => c !== '');
    if (filled.length === 0) continue;
    if (filled.length === 1) lines.push(filled[0]!);
    else if (filled.some((c) => c.split('\n').length > 2)) lines.push(...filled);
    else lines.push(cells.map((c) => c.replace(INNER_NEWLINES, ' ')).join(' | '));
  }
  return lines.join('\n');
}

const formatRowTable: FormatCallback = (elem, walk, builder) => {
  builder.openTable();
  const walkTable = (node: DomNode): void => {
    if (node.type !== 'tag') return;
    if (node.name === 'tr') {
      builder.openTableRow();
      for (const cell of node.children) {
        if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue;
        builder.openTableCell();
        walk(cell.children, builder);
        builder.closeTableCell();
      }
      builder.closeTableRow();
    } else if (node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot' || node.name === 'center') {
      node.children.forEach(walkTable);
    }
  };
  elem.children.forEach(walkTable);
  builder.closeTable({ tableToString: rowsToText, leadingLineBreaks: 1, trailingLineBreaks: 1 });
};

const blockOptions = { leadingLineBreaks: 1, trailingLineBreaks: 1 };
const headingOptions = { ...blockOptions, uppercase: false };

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  limits: { maxDepth: MAX_DEPTH, ellipsis: '' },
  formatters: { quoteCut: formatQuoteCut, borderedDiv: formatBorderedDiv, rowTable: formatRowTable },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'title', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'hr', format: 'lineBreak' },
    { selector: 'p', options: blockOptions },
    { selector: 'pre', options: blockOptions },
    { selector: 'h1', options: headingOptions },
    { selector: 'h2', options: headingOptions },
    { selector: 'h3', options: headingOptions },
    { selector: 'h4', options: headingOptions },
    { selector: 'h5', options: headingOptions },
    { selector: 'h6', options: headingOptions },
    { selector: 'ul', options: { ...blockOptions, itemPrefix: '- ' } },
    { selector: 'ol', options: blockOptions },
    { selector: 'table', format: 'rowTable' },
    { selector: 'blockquote', format: 'blockquote', options: { ...blockOptions, trimEmptyLines: true } },
    { selector: 'div.gmail_quote', format: 'blockquote', options: { ...blockOptions, trimEmptyLines: true } },
    { selector: 'div.moz-cite-prefix', format: 'blockquote', options: { ...blockOptions, trimEmptyLines: true } },
    { selector: 'div[style*="border-top"]', format: 'borderedDiv' },
    { selector: '#appendonsend', format: 'quoteCut' },
    { selector: 'div[id*="divRplyFwdMsg"]', format: 'quoteCut' },
  ],
};

const convert = compile(OPTIONS);

function tidy(text: string): string {
  return text.replace(NBSP, ' ').replace(INVISIBLE, '').replace(TRAILING_SPACES, '').replace(EXTRA_BLANK_LINES, '\n\n').trim();
}

/** Last resort when the converter fails: tags dropped, lines kept. */
function stripTags(html: string): string {
  return html.replace(HIDDEN_BLOCKS, '').replace(LINE_ENDING_TAGS, '\n').replace(TAG, '')
    .replace(BASIC_ENTITY, (_m, name: string) => BASIC_ENTITIES[name] ?? '');
}

/** Converts an HTML body to text. Never throws. */
export function htmlToText(html: string): string {
  const input = html.includes(QUOTE_CUT) ? html.replaceAll(QUOTE_CUT, '') : html;
  try {
    return tidy(convert(input));
  } catch {
    return tidy(stripTags(input));
  }
}
