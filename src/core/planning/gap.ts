// Gap and distance to control total (docs/methods.md, "Allocation, gap and control totals").

export interface Gap {
  /** Allocation − plan spend: positive is headroom, negative a deficit. */
  gap: number;
  /** The position the unit must deliver (0 = break even, positive = surplus required); null when none is set. */
  controlTotal: number | null;
  /** Gap − control total: negative means the plan falls short of the control total. */
  distanceToControlTotal: number | null;
}

export function gap(allocation: number, planSpend: number, controlTotal: number | null = null): Gap {
  const headroom = allocation - planSpend;
  return {
    gap: headroom,
    controlTotal,
    distanceToControlTotal: controlTotal === null ? null : headroom - controlTotal,
  };
}
