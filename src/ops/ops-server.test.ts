// The ops HTTP server alone, with a stand-in for the metrics and readiness (the daemon's real ones: test/ops).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ops } from './create-ops.js';
import { startOpsServer, type OpsServer } from './ops-server.js';
import type { ReadinessResult } from './check-readiness.js';

describe('ops server', () => {
  let server: OpsServer;
  let readiness: ReadinessResult = { ready: true, failing: [], checks: { database: { ok: true, detail: 'answers' } } };
  let metricsFail = false;
  const ops = {
    readiness: async () => readiness,
    metrics: async () => {
      if (metricsFail) throw new Error('registry broke');
      return { contentType: 'text/plain; version=0.0.4; charset=utf-8', body: 'khab_x 1\n' };
    },
  } as unknown as Ops;
  const get = async (path: string, method = 'GET') => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { method });
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };

  beforeAll(async () => {
    server = await startOpsServer(ops, '127.0.0.1', 0);
  });
  afterAll(async () => server?.close());

  it('answers /healthz, /readyz and /metrics, and nothing else', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: '{"status":"ok"}\n' });
    expect(JSON.parse((await get('/readyz')).body)).toMatchObject({ status: 'ready', ready: true });
    expect(await get('/metrics?x=1')).toMatchObject({ status: 200, body: 'khab_x 1\n' });
    expect((await get('/metrics', 'HEAD')).body).toBe('');
    expect((await get('/')).status).toBe(404);
    expect((await get('/metrics', 'POST')).status).toBe(405);
  });

  it('503 with the failing checks named; 500 when metrics cannot be produced', async () => {
    readiness = { ready: false, failing: ['imap'], checks: { database: { ok: true, detail: 'answers' }, imap: { ok: false, detail: 'not connected yet' } } };
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    expect(res.type).toBe('application/json');
    expect(JSON.parse(res.body)).toMatchObject({ status: 'not ready', failing: ['imap'], checks: { imap: { ok: false } } });
    metricsFail = true;
    expect((await get('/metrics')).status).toBe(500);
  });

  it('says which setting to change when the port is taken', async () => {
    await expect(startOpsServer(ops, '127.0.0.1', server.port)).rejects.toMatchObject({ code: 'OPS_LISTEN', message: /EADDRINUSE.*METRICS_PORT/ });
  });
});
