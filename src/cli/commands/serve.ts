import { MedguardError } from '../../core/errors.js';
import { loadConfigFile } from '../../gateway/config/load.js';
import { runGateway } from '../../gateway/compose/run.js';
import { startDemo, walkthrough } from '../../gateway/demo/run.js';
import { EXIT_OK, parseCommandArgs, type Command } from '../command.js';

const usage = `usage: medguard serve --config FILE [--listen HOST:PORT]
       medguard serve --demo [--listen HOST:PORT]

Runs the gateway: point an OpenAI client's base_url at it and every exchange is inspected,
transformed by policy, limited and recorded in the signed audit trail.

options:
  --config FILE       the gateway config (YAML; see examples/medguard.yaml and docs/GATEWAY.md)
  --demo              a local demo model behind the default policy, the store in ./.medguard/,
                      a client key printed at start (or MEDGUARD_DEMO_KEY) and a walkthrough
  --listen HOST:PORT  overrides listen.host/listen.port (default 127.0.0.1:8787)

Stops gracefully on Ctrl+C / SIGTERM: in-flight exchanges finish and are audited.`;

export function parseListen(value: string | undefined): { host: string; port: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\[[0-9a-fA-F:.]{2,45}\]|[A-Za-z0-9.-]{1,253}):(\d{1,5})$/.exec(value);
  const port = Number(m?.[2]);
  if (!m?.[1] || !Number.isInteger(port) || port > 65_535) throw new MedguardError('MG_USAGE', '--listen must be HOST:PORT, e.g. 127.0.0.1:8787', { field: '--listen' });
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

/** Resolves on SIGINT/SIGTERM. */
const untilSignal = (): Promise<string> => new Promise((resolve) => {
  const on = (sig: string): void => {
    process.off('SIGINT', on);
    process.off('SIGTERM', on);
    resolve(sig);
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
});

export const serve: Command = {
  name: 'serve',
  summary: 'run the gateway (OpenAI-compatible proxy with inspection, policy and audit)',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { config: { type: 'string' }, demo: { type: 'boolean' }, listen: { type: 'string' } }, 'medguard serve');
    const listen = parseListen(values.listen);
    if (values.demo === true && values.config !== undefined) throw new MedguardError('MG_USAGE', 'use either --demo or --config, not both');
    const onAuditError = (): void => void io.stderr.write('medguard: an audit write failed (see the store)\n');
    // One JSON line per exchange on stderr (no bodies, no PHI); stdout keeps the walkthrough.
    const log = { write: (line: string): void => void io.stderr.write(line) };
    if (values.demo === true) {
      const demo = await startDemo({ listen: listen ?? { host: '127.0.0.1', port: 8787 }, dir: process.cwd(), env: io.env, onAuditError, log });
      await io.stdout.write(walkthrough(demo.url, demo.key, demo.adminKey));
      await untilSignal();
      await io.stderr.write('medguard: shutting down (finishing in-flight requests)\n');
      await demo.close();
      return EXIT_OK;
    }
    if (values.config === undefined) throw new MedguardError('MG_USAGE', 'missing --config FILE (or --demo); run "medguard serve --help"');
    const config = loadConfigFile(values.config);
    const gateway = await runGateway(config, { ...(listen ? { listen } : {}), onAuditError, log });
    await io.stdout.write(`medguard gateway listening on ${gateway.server.url}\n`);
    await untilSignal();
    await io.stderr.write('medguard: shutting down (finishing in-flight requests)\n');
    await gateway.close();
    return EXIT_OK;
  },
};
