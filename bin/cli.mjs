// Entry point for process managers: `node --import tsx bin/cli.mjs <command>` (a .mjs file, so pm2 starts it
// with plain node and the tsx loader, in one process that receives pm2's signals itself).
await import('../src/cli/main.ts');
