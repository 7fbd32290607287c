// Health, readiness and metrics for the process manager and monitoring (no session; bind the UI to a private address).
import type { FastifyInstance } from 'fastify';
import type { WebDeps } from '../deps.js';
import type { WebMetrics } from '../metrics.js';

export function registerOpsRoutes(app: FastifyInstance, deps: WebDeps, metrics: WebMetrics): void {
  app.get('/healthz', async (_request, reply) => reply.type('text/plain; charset=utf-8').send('ok\n'));
  app.get('/readyz', async (_request, reply) => {
    try {
      await deps.store.review.countOpen();
      return reply.type('text/plain; charset=utf-8').send('ready\n');
    } catch {
      return reply.code(503).type('text/plain; charset=utf-8').send('database unavailable\n');
    }
  });
  app.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
}
