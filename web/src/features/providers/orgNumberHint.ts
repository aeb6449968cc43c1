import { checkOrgNumber, type OrgNumberProblem } from '@insyn/shared';

/**
 * When a search text is written like an organisationsnummer but its check digit is wrong, the
 * problem to show at the field; null for names and for valid numbers.
 */
export function orgNumberSearchProblem(search: string): OrgNumberProblem | null {
  const text = search.trim();
  if (!/^(?:16)?\d{6}-?\d{4}$/.test(text)) return null;
  const result = checkOrgNumber(text);
  return result.valid ? null : result.problem;
}
