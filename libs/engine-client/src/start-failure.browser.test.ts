/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { engineProtocolVersion } from '@parley/model';
import { engineRegistry, getEngine } from './registry.js';

// The first worker of this page gets a script that does not exist, as when a CDN sends no CORS
// headers or a CSP refuses `blob:` workers.
let failNext = true;
const NativeWorker = globalThis.Worker;
globalThis.Worker = class FailingOnceWorker extends NativeWorker {
  constructor(scriptUrl: string | URL, options?: WorkerOptions) {
    super(failNext ? new URL('/no-such-engine.worker.js', location.href) : scriptUrl, options);
    failNext = false;
  }
};

describe('getEngine when the worker cannot start', () => {
  it('rejects, forgets the failed start, and starts afresh on the next call', async () => {
    const error = await getEngine().then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.contain('failed to start');
    expect(engineRegistry().has(engineProtocolVersion)).to.equal(false);
    const engine = await getEngine();
    expect(engine.protocol).to.equal(engineProtocolVersion);
  });
});
