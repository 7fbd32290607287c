// The clerk UI serves src/ops's readiness and metrics (database and outbox checks; review and outbox gauges, process
// metrics) next to its own request latency, without a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webWorld, type WebWorld } from '../review/web-world.js';

let w: WebWorld;
beforeAll(async () => { w = await webWorld(); });
afterAll(async () => { await w?.cleanup(); });

describe('clerk UI ops routes', () => {
  it('/readyz names the failing checks, /metrics carries the shared and the UI metrics', async () => {
    const base = w.web.url.replace('localhost', '127.0.0.1');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: { ok: true }, outbox: { ok: true } } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    for (const name of ['review_items_open', 'clerk_ui_request_duration_seconds', 'khab_review_open_items{app="web"}', 'khab_outbox_pending{app="web"}', 'process_cpu_seconds_total']) {
      expect(metrics).toContain(name);
    }
    expect(metrics).not.toContain('khab_intake_messages_total'); // the daemon's own
    await w.store.close();
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect((await down.json()).failing).toContain('database');
  });
});
