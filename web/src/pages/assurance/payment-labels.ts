// Payment mechanisms in words, for the payment register and its form.
import type { PaymentLine } from '../../../../src/core/payment/payment-mechanism.ts';

export const MECHANISM_NAMES: Record<PaymentLine['mechanism'], string> = {
  block: 'Block',
  activity: 'Activity-based',
  blended: 'Blended',
  outcome: 'Outcome-based',
  alliance: 'Alliance risk share',
  'lead-provider': 'Lead-provider risk share',
  unspecified: 'Not recorded',
};
