import type { Resolvers } from '../generated/resolvers-types.js';
import { Mutation, Query } from './auth-resolvers.js';
import { DateTime } from './date-time-scalar.js';
import { passwordResetMutations } from './password-reset-resolvers.js';
import { User } from './user-resolvers.js';

export const resolvers: Resolvers = { DateTime, Query, Mutation: { ...Mutation, ...passwordResetMutations }, User };
