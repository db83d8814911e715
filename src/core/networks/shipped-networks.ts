// The networks Footprint ships: the ICS and acute provider collaborative (APC) networks the South London
// specialised services programme lists in its appendix "South London (hosted) Networks" (seed 001). The
// appendix names each network and its system (SWL = South West London, QWE; SEL = South East London, QKK)
// but not its host organisation, services or member providers, so those are left for users to record
// rather than guessed. No individual specialised network (ODN) is named in the seed, so none is shipped:
// users add them with one of the twelve nationally mandated types.

export interface NetworkDefinition {
  name: string;
  type: string;
  /** The organisation hosting the network; null = not known. */
  host: string | null;
  description: string | null;
  icbs: readonly string[];
  services: readonly string[];
  providers: readonly string[];
}

export const SHIPPED_NETWORK_SOURCE =
  'South London Specialised Services programme, appendix "South London (hosted) Networks", ICS or APC based networks (Footprint seed 001).';

const SWL = [
  'ENT',
  'Gynae',
  'Ophthalmology',
  'MSK',
  'Urology',
  'Gen Surg',
  'Cardiology',
  'Dermatology',
  'Stroke',
  'Neurology',
  'Pain Management',
  'Respiratory',
  'Community Rehab',
  'Rheumatology',
];
const SEL = ['ENT', 'Gynae', 'Ophthalmology', 'Ortho', 'Urology', 'Gen Surg', 'Dental'];

const network = (system: 'SWL' | 'SEL', specialty: string): NetworkDefinition => ({
  name: `${system} ${specialty}`,
  type: 'ics-apc',
  host: null,
  description: `${system === 'SWL' ? 'South West' : 'South East'} London ICS or APC based network (${specialty}).`,
  icbs: [system === 'SWL' ? 'QWE' : 'QKK'],
  services: [],
  providers: [],
});

export const SHIPPED_NETWORKS: readonly NetworkDefinition[] = [
  ...SWL.map((s) => network('SWL', s)),
  ...SEL.map((s) => network('SEL', s)),
];
