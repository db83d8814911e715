// `footprint report pack --icb CODE | --footprint NAME [--scenario NAME] --out FILE.pdf|FILE.html`: the
// board pack the web app serves, written to a file; PDF is printed by headless Chromium from the same HTML.
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fail } from '../../core/errors.ts';
import { readBoardPack } from '../../data/reports/board-pack.ts';
import { boardPackHtml } from '../../data/reports/board-pack-html.ts';
import { renderBoardPackPdf } from '../../data/reports/board-pack-pdf.ts';
import { findOrganisation } from '../../data/users/organisations.ts';
import { say } from '../output.ts';
import { openCliWorkspace } from '../session.ts';

export interface PackCliOptions {
  workspace?: string;
  dataset?: string;
  icb?: string;
  footprint?: string;
  scenario?: string;
  out?: string;
}

export async function writeBoardPack(opts: PackCliOptions): Promise<void> {
  const kind = opts.out ? extname(opts.out).toLowerCase() : '';
  if (kind !== '.pdf' && kind !== '.html') {
    fail('FP_PACK_BAD_OPTION', 'The board pack needs a file to go to, ending .pdf or .html.', {
      where: { parameter: '--out' },
      received: opts.out ?? '(none)',
      accepted: 'FILE.pdf or FILE.html',
    });
  }
  if ((opts.icb === undefined) === (opts.footprint === undefined)) {
    fail('FP_PACK_BAD_OPTION', 'Name exactly one ICB or one footprint for the board pack.', {
      where: { parameter: opts.icb === undefined ? '--icb' : '--footprint' },
      received: opts.icb === undefined ? '(neither)' : 'both',
      accepted: '--icb CODE or --footprint NAME',
    });
  }
  const ws = await openCliWorkspace(opts.workspace, { readOnly: true, dataset: opts.dataset });
  try {
    // Whoever runs the command line holds the workspace file, so sees it as national does.
    const national = (await findOrganisation(ws, 'national'))!;
    const pack = await readBoardPack(ws, national, {
      icb: opts.icb,
      footprint: opts.footprint,
      scenario: opts.scenario,
    });
    const html = boardPackHtml(pack);
    writeFileSync(opts.out!, kind === '.pdf' ? await renderBoardPackPdf(html) : html);
    say(`Wrote the board pack for ${pack.subjectName} to ${opts.out}`);
  } finally {
    ws.close();
  }
}
