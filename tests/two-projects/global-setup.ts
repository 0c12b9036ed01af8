import type { TestProject } from 'vitest/node';
import type { ProjectEndpoints } from '../../stack/local-layout';
import { startTempTwoProjects } from '../support/temp-stack';

export interface ProvidedTwoProjects {
  app: ProjectEndpoints;
  backend: ProjectEndpoints;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /** STACK_DATA_DIR under which the layout's record tells scripts where each project is. */
  dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    twoProjects: ProvidedTwoProjects;
  }
}

/** DESIGN §1's two-project layout (an app and a backend stack) for the tests of this folder. */
export default async function setup(project: TestProject) {
  const temp = await startTempTwoProjects();
  const { config } = temp.app;
  project.provide('twoProjects', {
    app: temp.layout.projects.app,
    backend: temp.layout.projects.backend,
    anonKey: config.anonKey,
    serviceRoleKey: config.serviceRoleKey,
    jwtSecret: config.jwtSecret,
    dataDir: temp.dataDir,
  });
  return () => temp.destroy();
}
