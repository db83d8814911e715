// The kinds of clinical network the register holds. The twelve nationally mandated specialised clinical
// networks are those listed by the South London specialised services programme (seed 001, "Nationally
// Mandated Specialised clinical networks"); the other kind is a network based in an ICS or an acute provider
// collaborative (APC), such as the South London networks in the seed's appendix.

export interface NetworkType {
  code: string;
  name: string;
  category: 'nationally-mandated-specialised' | 'ics-apc';
}

export const NETWORK_TYPES: readonly NetworkType[] = [
  { code: 'adult-critical-care', name: 'Adult critical care', category: 'nationally-mandated-specialised' },
  { code: 'burns', name: 'Burns', category: 'nationally-mandated-specialised' },
  { code: 'cardiac', name: 'Cardiac', category: 'nationally-mandated-specialised' },
  { code: 'congenital-heart-disease', name: 'Congenital heart disease', category: 'nationally-mandated-specialised' },
  { code: 'hepatitis-c', name: 'Hepatitis C', category: 'nationally-mandated-specialised' },
  { code: 'major-trauma', name: 'Major trauma', category: 'nationally-mandated-specialised' },
  { code: 'neonatal', name: 'Neonatal', category: 'nationally-mandated-specialised' },
  { code: 'neurosurgery', name: 'Neurosurgery', category: 'nationally-mandated-specialised' },
  {
    code: 'paediatrics',
    name: 'Paediatrics (incl. critical care, cancer and surgery)',
    category: 'nationally-mandated-specialised',
  },
  { code: 'radiotherapy', name: 'Radiotherapy', category: 'nationally-mandated-specialised' },
  { code: 'renal', name: 'Renal', category: 'nationally-mandated-specialised' },
  { code: 'spinal-cord-injury', name: 'Spinal cord injury and surgery', category: 'nationally-mandated-specialised' },
  { code: 'ics-apc', name: 'ICS or acute provider collaborative network', category: 'ics-apc' },
];

export const NETWORK_TYPE_SOURCE =
  'South London Specialised Services programme, "Clinical networks" slide: Nationally Mandated Specialised clinical networks (Footprint seed 001).';

export function networkType(code: string): NetworkType | undefined {
  return NETWORK_TYPES.find((t) => t.code === code);
}
