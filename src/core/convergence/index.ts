// Convergence of allocations towards needs-based targets (C7).

export { beforeGlidePath } from './before-glide-path.ts';
export {
  type ConvergedAllocation,
  type Convergence,
  type ConvergenceUnit,
  type PaceOfChange,
  paceOfChange,
} from './pace-of-change.ts';
