/** Every role an account can hold. `premium` lifts plan limits; `admin` is for operators. */
export const roles = ['user', 'premium', 'admin'] as const;
export type Role = (typeof roles)[number];

/** What a new account starts with. */
export const defaultRoles: readonly Role[] = ['user'];
