export const Roles = ['ADMIN', 'REVIEWER', 'PROVIDER', 'AUDITOR', 'ANALYST'] as const;
export type Role = (typeof Roles)[number];

export const Ownerships = ['IN_HOUSE', 'PRIVATE', 'PUBLIC_COMPANY', 'NON_PROFIT'] as const;
export type Ownership = (typeof Ownerships)[number];
