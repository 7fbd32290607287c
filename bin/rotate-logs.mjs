// Entry point for the pm2 app `logrotate`: `node --import tsx bin/rotate-logs.mjs --every 60` (a .mjs file, so
// pm2 starts it with plain node and the tsx loader instead of looking for ts-node).
await import('../scripts/rotate-logs.ts');
