// The ops endpoints on their own small HTTP server (node:http; bound to 127.0.0.1 unless METRICS_HOST says
// otherwise): GET /healthz — 200 while the process runs; /readyz — 200 or 503 with the checks as JSON;
// /metrics — Prometheus text. Nothing else is served, and nothing here reads a request body.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Ops } from './create-ops.js';
import { readinessReply } from './check-readiness.js';

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

export async function startOpsServer(ops: Ops, host: string, port: number): Promise<OpsServer> {
  const server = createServer((req, res) => {
    handle(ops, req, res).catch((e: unknown) => send(res, 500, 'text/plain; charset=utf-8', `error: ${(e as Error).message}\n`));
  });
  // A scraper's keep-alive connection must not hold the process open at shutdown.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    const fail = (e: NodeJS.ErrnoException): void => reject(Object.assign(
      new Error(`cannot serve /healthz /readyz /metrics on ${host}:${port}: ${e.code ?? e.message} (set METRICS_PORT, or 0 for none)`),
      { code: 'OPS_LISTEN', cause: e },
    ));
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => closeServer(server),
  };
}

async function handle(ops: Ops, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') return send(res, 200, 'application/json', '{"status":"ok"}\n');
  if (path === '/readyz') {
    const r = readinessReply(await ops.readiness());
    return send(res, r.statusCode, r.contentType, r.body);
  }
  if (path === '/metrics') {
    const m = await ops.metrics();
    return send(res, 200, m.contentType, m.body);
  }
  send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
