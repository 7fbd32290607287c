// Health, readiness and metrics for the process manager and monitoring (no session; bind the UI to a private address).
// /readyz and the shared metrics come from src/ops, as in the intake daemon: database and outbox checks (503 naming
// the failing ones), review and outbox gauges, process metrics; the UI adds its request latency.
import type { FastifyInstance } from 'fastify';
import { createOps, readinessReply } from '../../ops/index.js';
import type { WebDeps } from '../deps.js';
import type { WebMetrics } from '../metrics.js';

export function registerOpsRoutes(app: FastifyInstance, deps: WebDeps, metrics: WebMetrics): void {
  const ops = createOps({ app: 'web', store: deps.store, outboxMaxAgeMinutes: deps.settings.READY_OUTBOX_MAX_AGE_MINUTES, also: [metrics.registry] });
  app.get('/healthz', async (_request, reply) => reply.type('text/plain; charset=utf-8').send('ok\n'));
  app.get('/readyz', async (_request, reply) => {
    const r = readinessReply(await ops.readiness());
    return reply.code(r.statusCode).type(r.contentType).send(r.body);
  });
  app.get('/metrics', async (_request, reply) => {
    const m = await ops.metrics();
    return reply.type(m.contentType).send(m.body);
  });
}
