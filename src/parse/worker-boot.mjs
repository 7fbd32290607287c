// Entry of a worker thread: when the project runs from TypeScript sources (tsx), the thread needs tsx's loader
// registered before it can import the worker module itself.
import { workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.module);
