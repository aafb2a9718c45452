import type { SandboxDeps } from './context.ts';

/**
 * Where single sign-on links point when the sandbox is not told the dashboard's address (the standalone sandbox):
 * the address `npm start` serves the dashboard on by default (docs/decisions/0083-single-sign-on.md).
 */
export const DEFAULT_DASHBOARD_URL = 'http://localhost:8080';

/** The dashboard's public address without a trailing slash: single sign-on URLs are absolute, as the service's are. */
export function dashboardUrlOf(deps: Pick<SandboxDeps, 'dashboardUrl'>): string {
  return (deps.dashboardUrl || DEFAULT_DASHBOARD_URL).replace(/\/+$/, '');
}
