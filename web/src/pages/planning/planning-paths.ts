// Addresses of the planning pages and of a plan's files, in one place so links and routes agree.
import { apiUrl } from '../../api/client.ts';

export const scenarioPath = (name: string) => `/planning/scenarios/${encodeURIComponent(name)}`;

export const planApiPath = (name: string) => `/planning/scenarios/${encodeURIComponent(name)}/plan`;

export const planFileUrl = (name: string, format: 'xlsx' | 'csv') => apiUrl(planApiPath(name), { format });

export const whatIfApiPath = (name: string) => `/planning/scenarios/${encodeURIComponent(name)}/whatif`;

export const whatIfPath = (name: string) => `${scenarioPath(name)}/whatif`;

export const qippDeliveryApiPath = (name: string) => `/planning/scenarios/${encodeURIComponent(name)}/qipp-delivery`;

export const qippDeliveryPath = (name: string) => `${scenarioPath(name)}/delivery`;
