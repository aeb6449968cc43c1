/** SCB municipality codes are four digits, county code first (23 = Jämtlands län). */
export function isMunicipalityCode(code: string): boolean {
  return /^\d{4}$/.test(code);
}
