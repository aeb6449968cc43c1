/** The program in force: the adopted one, else the newest term (the API lists newest first). */
export function pickCurrentProgram<P extends { status: string; termStart: number }>(programs: readonly P[]): P | null {
  const adopted = programs.filter((p) => p.status === 'ADOPTED');
  const pool = adopted.length > 0 ? adopted : programs;
  if (pool.length === 0) return null;
  return [...pool].sort((a, b) => b.termStart - a.termStart)[0] ?? null;
}
