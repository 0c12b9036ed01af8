import type { TestProject } from 'vitest/node';
import { startStackControl } from '../support/stack-control';
import { startTempStack } from '../support/temp-stack';

export interface ProvidedStack {
  apiUrl: string;
  dbUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /** Takes the API down and up again (tests/support/stack-control.ts), for the fault tests. */
  controlUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: ProvidedStack;
  }
}

/** One real stack (Postgres, PostgREST, gateway with auth) for all integration tests of a run. */
export default async function setup(project: TestProject) {
  const temp = await startTempStack();
  const control = await startStackControl(temp.stack);
  const { config } = temp.stack;
  project.provide('stack', {
    apiUrl: temp.stack.apiUrl,
    dbUrl: temp.stack.dbUrl,
    anonKey: config.anonKey,
    serviceRoleKey: config.serviceRoleKey,
    jwtSecret: config.jwtSecret,
    controlUrl: control.url,
  });
  return async () => {
    await control.close();
    await temp.destroy();
  };
}
