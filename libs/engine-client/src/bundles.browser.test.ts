/// <reference types="mocha" />
import { expect } from '@open-wc/testing';

// Two copies of this library, each built on its own (tools/browser-tests, Vite), as two widget
// bundles from two script tags would be.
type ClientModule = typeof import('./index.js');

const startedScripts: string[] = [];
const NativeWorker = globalThis.Worker;
globalThis.Worker = class RecordingWorker extends NativeWorker {
  constructor(scriptUrl: string | URL, options?: WorkerOptions) {
    super(scriptUrl, options);
    startedScripts.push(String(scriptUrl));
  }
};

async function loadBundle(name: string): Promise<ClientModule> {
  return (await import(`/__parley/bundles/${name}/engine-client.js`)) as ClientModule;
}

describe('two separately built bundles on one page', () => {
  it('share one engine worker', async () => {
    const [a, b] = await Promise.all([loadBundle('client-a'), loadBundle('client-b')]);
    expect(b.getEngine).to.not.equal(a.getEngine);
    const engineA = await a.getEngine();
    const engineB = await b.getEngine();
    expect(engineB.workerId).to.equal(engineA.workerId);
    expect(engineB).to.equal(engineA);
    expect(startedScripts).to.have.length(1);
    expect(startedScripts[0]).to.match(/\/__parley\/bundles\/client-a\/assets\/.*\.js$/);
  });

  it('both define <parley-config> without throwing', async () => {
    const [a, b] = await Promise.all([loadBundle('client-a'), loadBundle('client-b')]);
    expect(a.defineOnce('parley-config', a.ParleyConfigElement)).to.equal(a.ParleyConfigElement);
    expect(b.defineOnce('parley-config', b.ParleyConfigElement)).to.equal(a.ParleyConfigElement);
    expect(customElements.get('parley-config')).to.equal(a.ParleyConfigElement);
  });
});
