// `footprint audit verify`: walks the audit trail's hash chain from its first event and checks its end
// against the anchored head; prints the first broken link (exit code 1) or that the trail is intact.
import type { Command } from 'commander';
import { auditChainReport } from '../../data/audit/record-audit.ts';
import { say } from '../output.ts';
import { openCliWorkspace } from '../session.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('Check the audit trail.');
  audit
    .command('verify')
    .description('Verify the audit trail: every event follows from the one before, and none was removed.')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      const ws = await openCliWorkspace(opts.workspace);
      try {
        const report = await auditChainReport(ws);
        if (opts.json) say(JSON.stringify(report, null, 2));
        else if (report.firstBroken) {
          say(`Audit trail BROKEN at event ${report.firstBroken.seq} (${report.firstBroken.reason}).`);
          say(report.firstBroken.explanation);
          say(`${report.events.toLocaleString('en-GB')} events in the trail.`);
        } else {
          say(
            `Audit trail intact: ${report.events.toLocaleString('en-GB')} events${report.head ? `, ending at event ${report.head.seq} as anchored` : ''}.`,
          );
        }
        if (!report.intact) process.exitCode = 1;
      } finally {
        ws.close();
      }
    });
}
