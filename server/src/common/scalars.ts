import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** `DateTime`: an instant, ISO 8601 in UTC. */
export const DateTimeScalar = DateTimeResolver;
/** `LocalDate`: a calendar date 'YYYY-MM-DD' (agreements, decisions). */
export const LocalDateScalar = LocalDateResolver;
