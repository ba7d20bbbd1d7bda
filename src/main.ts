import { ConfigError, loadConfig } from './config/config.ts';
import type { DemoUpstream } from './demo/demoUpstream.ts';
import { createGateway } from './gateway.ts';

/**
 * The process entry, and the only module that touches `process`: reads the configuration, starts
 * the demo upstream when no bk-repo is configured, serves, and shuts down in order on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  let demo: DemoUpstream | undefined;
  let upstreamUrl = config.upstreamUrl;
  if (upstreamUrl === undefined) {
    // Imported only here, so a gateway in front of a real bk-repo never loads the demo's fixtures.
    const { startDemoUpstream } = await import('./demo/demoUpstream.ts');
    demo = await startDemoUpstream();
    upstreamUrl = new URL(demo.url);
  }
  const gateway = await createGateway(config, { upstreamUrl });
  const log = gateway.app.log;
  if (demo) {
    log.warn(
      { upstream: demo.url },
      'UPSTREAM_URL is not set: serving the built-in demo upstream (token "demo-token")',
    );
  }
  const url = await gateway.listen();
  log.info({ url, introspection: config.introspection }, 'GraphQL gateway ready');

  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    // Connections still busy after the grace period are cut, so shutdown always ends.
    const force = setTimeout(
      () => gateway.app.server.closeAllConnections(),
      config.shutdownGraceMs,
    );
    force.unref();
    await gateway.close();
    await demo?.close();
    clearTimeout(force);
    log.info('shut down');
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exitCode = 1;
});
