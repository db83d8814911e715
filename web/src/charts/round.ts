/** Rounds for display inside a chart (tooltips and labels show these); tables keep the exact figures. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
