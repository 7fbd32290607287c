// Prometheus metrics of the clerk UI (GET /metrics): request latency by route and the open review items.
import { Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/index.js';

export interface WebMetrics {
  registry: Registry;
  observe(route: string, method: string, status: number, seconds: number): void;
}

export function webMetrics(store: Pick<Store, 'review'>): WebMetrics {
  const registry = new Registry();
  const latency = new Histogram({
    name: 'clerk_ui_request_duration_seconds', help: 'Clerk UI request latency', labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
  });
  new Gauge({
    name: 'review_items_open', help: 'Open review items (the clerk queue)', registers: [registry],
    async collect() {
      this.set(await store.review.countOpen());
    },
  });
  return {
    registry,
    observe(route, method, status, seconds) {
      latency.observe({ route, method, status: String(status) }, seconds);
    },
  };
}
