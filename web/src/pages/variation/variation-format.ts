// How the atlas pages word and format figures: rates to one decimal place (spend per head to the penny),
// confidence intervals as "lower to upper", and funnel labels in words.
import { formatPoundsAndPence, NOT_AVAILABLE } from '../../format.ts';

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatRate(value: number | null, measure: string): string {
  if (value === null) return NOT_AVAILABLE;
  return measure === 'spend' ? formatPoundsAndPence(value) : oneDecimal.format(value);
}

export function formatInterval(lower: number | null, upper: number | null): string {
  if (lower === null || upper === null) return '';
  return `${oneDecimal.format(lower)} to ${oneDecimal.format(upper)}`;
}

const SIGNIFICANCE_WORDS: Record<string, string> = {
  'High (0.001)': 'Higher (99.8%)',
  'High (0.025)': 'Higher (95%)',
  'Low (0.025)': 'Lower (95%)',
  'Low (0.001)': 'Lower (99.8%)',
  'Not significant': 'Within the limits',
  'Not applicable for events less than 10 for dsrs': 'Too few events',
};

export function significanceWords(label: string | null): string {
  return label === null ? '' : (SIGNIFICANCE_WORDS[label] ?? label);
}

export function formatChange(value: number | null, measure: string): string {
  if (value === null) return NOT_AVAILABLE;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatRate(Math.abs(value), measure)}`;
}
