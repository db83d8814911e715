// Answers over activity that a run computes once and stores beside its flows (migration 25): the latest
// year's population-basis spend by point of delivery (a plan's base year) and the three questions behind the
// delegation evidence (patients by age and sex, patient flows, cost per patient). Each of them groups every
// activity row of the year, seconds on a national dataset, and the pages that ask them (a scenario's plan,
// its QIPP delivery, the segmentation matrix, a service's tiering) would otherwise ask on every first view.
// An answer is read back only while the run that stored it is the dataset's stored run and the dataset's
// activity is the import it was read from; otherwise (another year, an older workspace) the engine answers,
// with the same figures.
import type { FinancialYear } from '../../core/units.ts';
import type {
  ActivityEngine,
  DelegationEvidenceEngine,
  PodSpend,
  ServiceCostDistribution,
  ServicePatientFlow,
  ServicePatientsByAgeSex,
  YearSpendQuestion,
} from '../engines/engine.ts';
import type { Workspace } from '../workspace.ts';

/** The flows the delegation evidence reads (src/data/delegation/gather-evidence.ts): patients on the current
 * ICBs, unknown residence at the provider's host ICB. */
export const EVIDENCE_FLOWS = { vintage: '2026', unknownResidenceRule: 'provider-host-icb' } as const;
/** Per-row costs per patient the delegation evidence keeps for resampling, per service. */
export const COST_SAMPLE_SIZE = 2000;

/** A plan's base-year spend: what the dataset's run stored where it holds, else asked of the engine. */
export function storedSpendByPod(
  ws: Workspace,
  engine: Pick<ActivityEngine, 'populationBasisSpendByPod'>,
  q: YearSpendQuestion,
): Promise<PodSpend[]> {
  return storedAnswer(ws, q.dataset, q.vintage, spendByPodKey(q), () => engine.populationBasisSpendByPod(q));
}

/** The delegation evidence's questions, read from what the dataset's run stored where it holds, else asked
 * of the engine. */
export class StoredEvidence implements DelegationEvidenceEngine {
  readonly #ws: Workspace;
  readonly #engine: DelegationEvidenceEngine;

  constructor(ws: Workspace, engine: DelegationEvidenceEngine) {
    this.#ws = ws;
    this.#engine = engine;
  }

  servicePatientsByAgeSex(dataset: string, financialYear: FinancialYear): Promise<ServicePatientsByAgeSex[]> {
    return this.#answer(dataset, EVIDENCE_FLOWS.vintage, patientsByAgeSexKey(financialYear), () =>
      this.#engine.servicePatientsByAgeSex(dataset, financialYear),
    );
  }

  servicePatientFlows(q: YearSpendQuestion): Promise<ServicePatientFlow[]> {
    return this.#answer(q.dataset, q.vintage, patientFlowsKey(q), () => this.#engine.servicePatientFlows(q));
  }

  serviceCostDistribution(
    dataset: string,
    financialYear: FinancialYear,
    sampleSize: number,
  ): Promise<ServiceCostDistribution[]> {
    return this.#answer(dataset, EVIDENCE_FLOWS.vintage, costDistributionKey(financialYear, sampleSize), () =>
      this.#engine.serviceCostDistribution(dataset, financialYear, sampleSize),
    );
  }

  #answer<T>(dataset: string, vintage: string, question: string, ask: () => Promise<T>): Promise<T> {
    return storedAnswer(this.#ws, dataset, vintage, question, ask);
  }
}

async function storedAnswer<T>(
  ws: Workspace,
  dataset: string,
  vintage: string,
  question: string,
  ask: () => Promise<T>,
): Promise<T> {
  const stored = await ws.one<{ json: string }>(
    `SELECT a.answer_json AS json FROM run_answer a
       JOIN run r ON r.dataset = a.dataset AND r.vintage = a.vintage AND r.ran_at = a.run_at
       JOIN dataset d ON d.name = a.dataset AND d.imported_at = a.imported_at
      WHERE a.dataset = $1 AND a.vintage = $2 AND a.question = $3`,
    [dataset, vintage, question],
  );
  return stored ? (JSON.parse(stored.json) as T) : ask();
}

/** Stores the run's answers for its latest year, inside the run's transaction and after its run row (whose
 * time they are stamped with). The delegation evidence is on the 2026 ICBs, so only a run on them stores it. */
export async function storeRunAnswers(
  ws: Workspace,
  engine: DelegationEvidenceEngine & Pick<ActivityEngine, 'populationBasisSpendByPod'>,
  run: YearSpendQuestion,
): Promise<void> {
  const { dataset, vintage, financialYear } = run;
  const answers: [string, () => Promise<unknown>][] = [
    [spendByPodKey(run), () => engine.populationBasisSpendByPod(run)],
  ];
  if (vintage === EVIDENCE_FLOWS.vintage) {
    const flows = { dataset, financialYear, ...EVIDENCE_FLOWS };
    answers.push(
      [patientsByAgeSexKey(financialYear), () => engine.servicePatientsByAgeSex(dataset, financialYear)],
      [patientFlowsKey(flows), () => engine.servicePatientFlows(flows)],
      [
        costDistributionKey(financialYear, COST_SAMPLE_SIZE),
        () => engine.serviceCostDistribution(dataset, financialYear, COST_SAMPLE_SIZE),
      ],
    );
  }
  for (const [question, ask] of answers) {
    await ws.run(
      `INSERT INTO run_answer
       SELECT r.dataset, r.vintage, $3, d.imported_at, r.ran_at, $4 FROM run r JOIN dataset d ON d.name = r.dataset
        WHERE r.dataset = $1 AND r.vintage = $2`,
      [dataset, vintage, question, JSON.stringify(await ask())],
    );
  }
}

function spendByPodKey(q: YearSpendQuestion): string {
  return JSON.stringify(['populationBasisSpendByPod', q.unknownResidenceRule, q.financialYear]);
}

function patientsByAgeSexKey(financialYear: string): string {
  return JSON.stringify(['servicePatientsByAgeSex', financialYear]);
}

function patientFlowsKey(q: YearSpendQuestion): string {
  return JSON.stringify(['servicePatientFlows', q.unknownResidenceRule, q.financialYear]);
}

function costDistributionKey(financialYear: string, sampleSize: number): string {
  return JSON.stringify(['serviceCostDistribution', financialYear, sampleSize]);
}
