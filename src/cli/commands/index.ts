// Every CLI verb, registered in the order `footprint --help` lists them.
import type { Command } from 'commander';
import { register as registerFootprint } from './footprint.ts';
import { register as registerGenerate } from './generate.ts';
import { register as registerImport } from './import.ts';
import { register as registerInit } from './init.ts';
import { register as registerReport } from './report.ts';
import { register as registerRun } from './run.ts';
import { register as registerServe } from './serve.ts';
import { register as registerServices } from './services.ts';
import { register as registerStart } from './start.ts';
import { register as registerStats } from './stats.ts';
import { register as registerUser } from './user.ts';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [
  registerInit,
  registerStart,
  registerServe,
  registerFootprint,
  registerServices,
  registerGenerate,
  registerImport,
  registerStats,
  registerRun,
  registerReport,
  registerUser,
];
