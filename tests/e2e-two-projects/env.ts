import { readFileSync } from 'node:fs';
import type { ProjectEndpoints } from '../../stack/local-layout';

/** What the two-project global setup started (a JSON file named by TWO_PROJECTS_ENV_FILE). */
export interface TwoProjectsE2eEnv {
  baseUrl: string;
  app: ProjectEndpoints;
  backend: ProjectEndpoints;
  anonKey: string;
  staff: { email: string; password: string };
}

export const TWO_PROJECTS_ENV_FILE = 'E2E_TWO_PROJECTS_ENV_FILE';

export function twoProjectsEnv(): TwoProjectsE2eEnv {
  const file = process.env[TWO_PROJECTS_ENV_FILE];
  if (!file) throw new Error(`${TWO_PROJECTS_ENV_FILE} is not set: run \`npm run test:e2e\``);
  return JSON.parse(readFileSync(file, 'utf8')) as TwoProjectsE2eEnv;
}
