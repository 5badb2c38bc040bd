/** Identifies senaudit to school web servers, with a link so an administrator can see what it is. */
export function userAgent(version: string): string {
  return `senaudit/${version} (+https://github.com/senaudit/senaudit; SEN information report audit)`;
}
