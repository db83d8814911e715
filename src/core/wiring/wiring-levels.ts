// "Who does what" for one service in one footprint, at the four levels of the South London programme's
// wiring diagram (seed 001, appendix 1): national, multi-ICB (multi-ICS), ICB (ICS) and place. The roles
// are the diagram's; who takes each role follows from how the service is commissioned in the footprint:
// the commissioning model recorded for it (the delegation exercise's table), or else one derived from the
// catalogue's flags:
//   highly specialised            → NHS England commissions directly (nationally);
//   delegated to ICBs that year   → delegated;
//   not delegated                 → NHS England commissions directly (regional specialised commissioning);
//   delegation not known          → not known, said so rather than guessed.

export const WIRING_LEVELS = ['national', 'multi-icb', 'icb', 'place'] as const;
export type WiringLevel = (typeof WIRING_LEVELS)[number];

/** The delegation exercise's models (migration 004), and 'not-known'. */
export const COMMISSIONING_MODELS = [
  'nhse-direct',
  'nhse-with-icb-input',
  'joint-committee',
  'lead-commissioner',
  'delegated',
  'not-known',
] as const;
export type CommissioningModel = (typeof COMMISSIONING_MODELS)[number];

export interface WiringInput {
  footprintName: string;
  icbNames: readonly string[];
  highlySpecialised: boolean | null;
  delegated: boolean | null;
  /** A model recorded for this service, footprint and year, with its lead for lead-commissioner. */
  recorded: { model: CommissioningModel; lead: string | null } | null;
  /** Networks supporting the service whose footprint overlaps this one. */
  networks: readonly string[];
  /** Places within the footprint's ICBs. */
  placeCount: number;
}

export interface WiringRow {
  level: WiringLevel;
  lead: string;
  role: string;
}

export interface Wiring {
  model: CommissioningModel;
  /** 'recorded' when the model comes from the commissioning-model table, else 'derived from the catalogue'. */
  basis: 'recorded' | 'derived';
  rows: WiringRow[];
}

export function derivedModel(input: Pick<WiringInput, 'highlySpecialised' | 'delegated'>): CommissioningModel {
  if (input.highlySpecialised === true) return 'nhse-direct';
  if (input.delegated === true) return 'delegated';
  if (input.delegated === false) return 'nhse-direct';
  return 'not-known';
}

const NATIONAL_ROLE =
  'Sets the national ambition and service specifications; holds all parts of the system to account for delivery.';
const PLACE_ROLE = 'Early intervention, health promotion and prevention for the local population.';
const PATHWAYS =
  'Multi-ICB decision making on priority improvements to secondary and tertiary pathways; trusts work through the networks.';

export function wiringLevels(input: WiringInput): Wiring {
  const model = input.recorded?.model ?? derivedModel(input);
  const icbs = input.icbNames.join(', ');
  const networks = input.networks.length > 0 ? ` Networks: ${input.networks.join(', ')}.` : '';
  const nationally = input.highlySpecialised === true;
  const multi: Record<CommissioningModel, Omit<WiringRow, 'level'>> = {
    'nhse-direct': nationally
      ? {
          lead: 'NHS England (highly specialised commissioning)',
          role: 'Plans and commissions provision for the whole country.',
        }
      : {
          lead: 'NHS England regional specialised commissioning',
          role: 'Commissions the service for the ICBs; ensures national service specifications are delivered.',
        },
    'nhse-with-icb-input': {
      lead: 'NHS England regional specialised commissioning, with the ICBs',
      role: 'Commissions the service with ICB input on priorities and pathways.',
    },
    'joint-committee': {
      lead: `Joint committee of NHS England and ${input.icbNames.length > 1 ? `the ICBs of ${input.footprintName}` : 'the ICBs'}`,
      role: PATHWAYS,
    },
    'lead-commissioner': {
      lead: `${input.recorded?.lead ?? 'A lead commissioner (not named)'}, as lead commissioner`,
      role: `Commissions for the footprint on behalf of the other ICBs. ${PATHWAYS}`,
    },
    delegated: {
      lead: input.icbNames.length > 1 ? `The ICBs of ${input.footprintName}, jointly` : 'The ICBs it plans with',
      role: PATHWAYS,
    },
    'not-known': {
      lead: 'Not known: no commissioning model is recorded and the catalogue does not say whether it is delegated',
      role: 'Record the commissioning model to show who leads.',
    },
  };
  const icbRole: Record<CommissioningModel, string> = {
    'nhse-direct': 'A seat at the table: population health priorities and the links to ICB-commissioned pathways.',
    'nhse-with-icb-input': 'Gives input on priorities; population health management for its population.',
    'joint-committee': 'A member of the joint committee: population health priorities and resources.',
    'lead-commissioner': 'Agrees priorities with the lead commissioner; population health management.',
    delegated:
      'Commissions the service under delegation: population health priorities, decisions on resources; trusts and the ICS work through APCs and local networks.',
    'not-known': 'Population health priorities; its commissioning role depends on the model.',
  };
  return {
    model,
    basis: input.recorded ? 'recorded' : 'derived',
    rows: [
      { level: 'national', lead: 'NHS England', role: NATIONAL_ROLE },
      { level: 'multi-icb', ...multi[model], role: `${multi[model].role}${networks}` },
      { level: 'icb', lead: icbs, role: icbRole[model] },
      {
        level: 'place',
        lead: `Place-based partnerships (${input.placeCount} place${input.placeCount === 1 ? '' : 's'})`,
        role: PLACE_ROLE,
      },
    ],
  };
}
