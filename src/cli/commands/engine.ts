// `footprint engine set|show`: where the workspace's activity facts live and its heavy aggregations run —
// the workspace's own DuckDB, or a ClickHouse cluster (credentials from CLICKHOUSE_USER / CLICKHOUSE_PASSWORD,
// never stored).
import type { Command } from 'commander';
import { ClickHouseEngine, credentialsFromEnvironment } from '../../data/engines/clickhouse.ts';
import { parseClickHouseAddress } from '../../data/engines/clickhouse-address.ts';
import { engineChoice, engineStatus, saveEngineChoice } from '../../data/engines/open-engine.ts';
import { say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';

interface SetOptions {
  workspace?: string;
  database?: string;
  cluster?: string;
}

export function register(program: Command): void {
  const engine = program.command('engine').description('Show or choose where activity is stored and aggregated.');
  engine
    .command('set')
    .description('Use the workspace (duckdb) or a ClickHouse cluster: clickhouse://host:port[,host:port…]')
    .argument('<engine>', 'duckdb, or clickhouse://host:port[,host:port…] (the HTTP port of each shard)')
    .option('--database <name>', 'ClickHouse database for Footprint tables', 'footprint')
    .option('--cluster <name>', 'cluster name in the servers’ remote_servers configuration', 'footprint')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (text: string, opts: SetOptions) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        if (text === 'duckdb') {
          await saveEngineChoice(ws, { kind: 'duckdb' });
          say('Engine: duckdb (activity in the workspace)');
          return;
        }
        const address = parseClickHouseAddress(text, opts.database, opts.cluster);
        // Check and prepare the cluster before saving, so a failure leaves the workspace as it was.
        const cluster = await ClickHouseEngine.connect(address, credentialsFromEnvironment());
        try {
          await cluster.prepare(ws);
        } finally {
          await cluster.close();
        }
        await saveEngineChoice(ws, { kind: 'clickhouse', address });
        say(`Engine: clickhouse ${cluster.description}`);
        say('Import activity with `footprint import FILE` to load it onto the cluster.');
      } finally {
        ws.close();
      }
    });
  engine
    .command('show')
    .description('Show the engine and whether it answers')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (opts: { workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        const choice = await engineChoice(ws);
        if (choice.kind === 'duckdb') {
          say('Engine: duckdb (activity in the workspace)');
          return;
        }
        const { address } = choice;
        say(`Engine: clickhouse, database ${address.database}, cluster ${address.cluster}`);
        const status = await engineStatus(ws);
        for (const host of status.hosts) {
          say(
            host.problem
              ? `  ${host.host}: unavailable — ${host.problem}`
              : `  ${host.host}: ClickHouse ${host.version}, ${host.activityRows?.toLocaleString('en-GB')} activity rows`,
          );
        }
        say(status.available ? 'Status: available' : `Status: unavailable — ${status.problem}`);
        if (!status.available) cliSession().exitCode = 1;
      } finally {
        ws.close();
      }
    });
}
