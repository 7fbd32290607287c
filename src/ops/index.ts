// Health, readiness and metrics, shared by the intake daemon (its own HTTP server) and the web app (its routes).
export { createOps, type Ops, type OpsOptions } from './create-ops.js';
export { startOpsServer, type OpsServer } from './ops-server.js';
export { checkReadiness, readinessReply, type CheckResult, type ReadinessResult } from './check-readiness.js';
