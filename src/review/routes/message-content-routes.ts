// The customer's content, each under its own strict policy: the sanitised HTML for the sandboxed frame,
// photos (only real JPEG/PNG/GIF/WebP, inline) and every attachment as a download.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ParsedMessage } from '../../parse/types.js';
import type { WebDeps } from '../deps.js';
import { emailFrameDocument, sanitizeEmailHtml } from '../sanitize-email-html.js';
import { FILE_CSP, FRAME_CSP } from '../security-headers.js';
import { PHOTO_TYPES, parsedMessage } from '../services/message-source.js';
import { itemId } from './item-routes.js';

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name; no quotes, separators or control characters survive. */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  // Markup and characters no file system accepts go too: the name reaches the clerk's disk.
  const clean = filename.replace(/[\u0000-\u001f\u007f"\\/<>:*?|]+/g, '_').replace(/^[.\s]+/, '').slice(0, 150) || 'file';
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/[;%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function registerMessageContentRoutes(app: FastifyInstance, deps: WebDeps): void {
  async function messageOf(request: FastifyRequest): Promise<ParsedMessage | null> {
    const id = itemId(request);
    if (id === null) return null;
    const item = await deps.store.review.get(id);
    return item ? parsedMessage(deps, item.messageId) : null;
  }

  function attachmentOf(parsed: ParsedMessage | null, request: FastifyRequest) {
    const n = Number.parseInt((request.params as { n?: string }).n ?? '', 10);
    return parsed && Number.isInteger(n) && n >= 0 ? parsed.attachments[n] ?? null : null;
  }

  const notFound = (reply: FastifyReply) => reply.code(404).header('content-security-policy', FILE_CSP).type('text/plain; charset=utf-8').send('not found');

  app.get('/items/:id/body.html', async (request, reply) => {
    const parsed = await messageOf(request);
    if (!parsed || parsed.html === null) return notFound(reply);
    const inline = parsed.attachments.filter((a) => a.contentId).map((a) => ({ contentId: a.contentId!, contentType: a.contentType, content: a.content }));
    return reply.header('content-security-policy', FRAME_CSP).header('x-frame-options', 'SAMEORIGIN')
      .type('text/html; charset=utf-8').send(emailFrameDocument(sanitizeEmailHtml(parsed.html, inline)));
  });

  app.get('/items/:id/photos/:n', async (request, reply) => {
    const a = attachmentOf(await messageOf(request), request);
    if (!a || !PHOTO_TYPES.test(a.contentType) || !MAGIC[a.contentType]?.(a.content)) return notFound(reply);
    return reply.header('content-security-policy', FILE_CSP).header('content-disposition', contentDisposition('inline', a.filename ?? 'photo'))
      .header('cache-control', 'private, max-age=300').type(a.contentType).send(a.content);
  });

  app.get('/items/:id/attachments/:n', async (request, reply) => {
    const a = attachmentOf(await messageOf(request), request);
    if (!a) return notFound(reply);
    return reply.header('content-security-policy', FILE_CSP).header('content-disposition', contentDisposition('attachment', a.filename ?? 'attachment'))
      .type('application/octet-stream').send(a.content);
  });
}
