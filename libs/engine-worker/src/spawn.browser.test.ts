/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { engineProtocolVersion, type EngineApi } from '@parley/model';
import * as Comlink from 'comlink';
import { spawnEngineWorker, trampolineSource } from './spawn.js';

type SpawnModule = typeof import('./spawn.js');

const startedScripts: string[] = [];
const NativeWorker = globalThis.Worker;
globalThis.Worker = class RecordingWorker extends NativeWorker {
  constructor(scriptUrl: string | URL, options?: WorkerOptions) {
    super(scriptUrl, options);
    startedScripts.push(String(scriptUrl));
  }
};

async function whoIs(worker: Worker): Promise<{ protocol: number; workerId: string }> {
  const remote = Comlink.wrap<EngineApi>(worker);
  try {
    return { protocol: await remote.protocol, workerId: await remote.workerId };
  } finally {
    worker.terminate();
  }
}

async function secondOrigin(): Promise<string> {
  const { origin } = (await (await fetch('/__parley/second-origin.json')).json()) as { origin: string };
  return origin;
}

describe('spawnEngineWorker', () => {
  it('starts the worker script itself when the module is same-origin', async () => {
    const engine = await whoIs(spawnEngineWorker());
    expect(engine.protocol).to.equal(engineProtocolVersion);
    expect(engine.workerId).to.match(/\S/);
    expect(startedScripts.at(-1)).to.equal(new URL('./engine.worker.ts', import.meta.url).href);
  });

  it('starts it through a same-origin blob: module when the module comes from another origin', async () => {
    const origin = await secondOrigin();
    expect(origin).to.not.equal(location.origin);
    const remoteModule = (await import(`${origin}/libs/engine-worker/src/spawn.ts`)) as SpawnModule;
    const engine = await whoIs(remoteModule.spawnEngineWorker());
    expect(engine.protocol).to.equal(engineProtocolVersion);
    expect(startedScripts.at(-1)).to.satisfy((url: string) => url.startsWith(`blob:${location.origin}/`));
  });

  it('writes a trampoline that imports the worker by its absolute URL', () => {
    expect(trampolineSource('https://cdn.example/p/engine.worker-"x".js')).to.equal('import "https://cdn.example/p/engine.worker-\\"x\\".js";');
  });
});
