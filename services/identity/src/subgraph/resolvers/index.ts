import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { IdentityContext } from '../context.js';
import { Mutation, Query } from './auth-resolvers.js';
import { DateTime } from './date-time-scalar.js';
import { User } from './user-resolvers.js';

export const resolvers = { DateTime, Query, Mutation, User } as unknown as GraphQLResolverMap<IdentityContext>;
