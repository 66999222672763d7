/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { engineProtocolVersion } from '@parley/model';

// A bundle served from another origin (a CDN): tools/browser-tests serves the same files on a
// second port; this page lives on the first.
type ClientModule = typeof import('./index.js');

const startedScripts: string[] = [];
const NativeWorker = globalThis.Worker;
globalThis.Worker = class RecordingWorker extends NativeWorker {
  constructor(scriptUrl: string | URL, options?: WorkerOptions) {
    super(scriptUrl, options);
    startedScripts.push(String(scriptUrl));
  }
};

async function loadBundle(origin: string, name: string): Promise<ClientModule> {
  return (await import(`${origin}/__parley/bundles/${name}/engine-client.js`)) as ClientModule;
}

async function secondOrigin(): Promise<string> {
  const { origin } = (await (await fetch('/__parley/second-origin.json')).json()) as { origin: string };
  return origin;
}

describe('a bundle from another origin', () => {
  it('starts its engine worker through a blob: trampoline', async () => {
    const origin = await secondOrigin();
    expect(origin).to.not.equal(location.origin);
    const client = await loadBundle(origin, 'client-a');
    const engine = await client.getEngine();
    expect(engine.protocol).to.equal(engineProtocolVersion);
    expect(engine.workerId).to.match(/\S/);
    expect(startedScripts).to.have.length(1);
    expect(startedScripts[0]).to.satisfy((url: string) => url.startsWith(`blob:${location.origin}/`));
  });

  it('is joined by a same-origin bundle loaded later', async () => {
    const origin = await secondOrigin();
    const remote = await loadBundle(origin, 'client-a');
    const local = await loadBundle(location.origin, 'client-b');
    expect((await local.getEngine()).workerId).to.equal((await remote.getEngine()).workerId);
    expect(startedScripts).to.have.length(1);
  });
});
