// Our own script and stylesheet, read once at start.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const dir = new URL('../static/', import.meta.url);
const FILES: Record<string, { type: string; body: Buffer }> = {
  'app.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('app.js', dir)) },
  'app.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('app.css', dir)) },
};

export function registerStaticRoutes(app: FastifyInstance): void {
  app.get('/static/:file', async (request, reply) => {
    const file = FILES[(request.params as { file: string }).file];
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    return reply.header('cache-control', 'no-cache').type(file.type).send(file.body);
  });
}
