const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Insyn's ids are UUIDs; anything else cannot name an object. */
export function isId(value: string): boolean {
  return UUID.test(value);
}
