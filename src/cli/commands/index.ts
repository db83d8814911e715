// Every CLI verb, registered in the order `footprint --help` lists them.
import type { Command } from 'commander';
import { register as registerAssess } from './assess.ts';
import { register as registerAtlas } from './atlas.ts';
import { register as registerAudit } from './audit.ts';
import { register as registerDataset } from './dataset.ts';
import { register as registerDelegation } from './delegation.ts';
import { register as registerDerogation } from './derogation.ts';
import { register as registerEngine } from './engine.ts';
import { register as registerFootprint } from './footprint.ts';
import { register as registerGenerate } from './generate.ts';
import { register as registerImport } from './import.ts';
import { register as registerInit } from './init.ts';
import { register as registerKpi } from './kpi.ts';
import { register as registerPlan } from './plan.ts';
import { register as registerProjections } from './projections.ts';
import { register as registerQipp } from './qipp.ts';
import { register as registerReport } from './report.ts';
import { register as registerRisk } from './risk.ts';
import { register as registerRun } from './run.ts';
import { register as registerScenario } from './scenario.ts';
import { register as registerServe } from './serve.ts';
import { register as registerServices } from './services.ts';
import { register as registerStart } from './start.ts';
import { register as registerStats } from './stats.ts';
import { register as registerUser } from './user.ts';
import { register as registerVolatility } from './volatility.ts';
import { register as registerWhatIf } from './whatif.ts';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [
  registerInit,
  registerStart,
  registerServe,
  registerFootprint,
  registerServices,
  registerGenerate,
  registerImport,
  registerDataset,
  registerStats,
  registerRun,
  registerEngine,
  registerReport,
  registerAtlas,
  registerKpi,
  registerDerogation,
  registerScenario,
  registerProjections,
  registerPlan,
  registerWhatIf,
  registerQipp,
  registerAssess,
  registerRisk,
  registerDelegation,
  registerVolatility,
  registerUser,
  registerAudit,
];
