// Recalculates a workbook with a real spreadsheet engine: LibreOffice headless, with a private profile that
// tells it to recalculate every formula on load (its default keeps the cached results of an .xlsx file), then
// saves it again as .xlsx so the engine's own results can be read back.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

const INSTALL_HINT =
  'LibreOffice is needed to recalculate the plan workbook: apt-get install -y --no-install-recommends libreoffice-calc-nogui (Debian), or set FOOTPRINT_SOFFICE to soffice.';

export const SOFFICE = process.env.FOOTPRINT_SOFFICE ?? 'soffice';

const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Fails with the install hint when soffice cannot be run. */
export function requireSoffice(): void {
  const probe = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(`${INSTALL_HINT} (${probe.error?.message ?? probe.stderr})`);
}

/** Opens `file` in LibreOffice, recalculates it and writes it to a new .xlsx, whose path is returned. */
export function recalculate(file: string): string {
  const work = mkdtempSync(join(tmpdir(), 'footprint-recalc-'));
  const profile = join(work, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ALWAYS);
  const out = join(work, 'out');
  const run = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      file,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (run.error) throw new Error(`${INSTALL_HINT} (${run.error.message})`);
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
  return join(out, basename(file).replace(/\.[^.]+$/, '.xlsx'));
}

/** The workbook with every formula's cached result removed, so only a recalculation can fill them in. */
export async function withoutResults(
  file: string,
  out: string,
  change?: (book: ExcelJS.Workbook) => void,
): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v)
          cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
      });
    });
  }
  change?.(book);
  await book.xlsx.writeFile(out);
}
