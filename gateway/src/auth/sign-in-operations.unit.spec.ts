import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isSignInOperation } from './sign-in-operations.js';

const operation = (source: string) => parse(source).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

describe('sign-in operations (allowed without a token)', () => {
  it('are mutations made only of register, login, refreshSession, logout and the password reset', () => {
    for (const source of [
      'mutation { register(email: "a@b.c", password: "p") { accessToken } }',
      'mutation ($e: String!) { requestPasswordReset(email: $e) }',
      'mutation ($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      'mutation { refreshSession { accessToken } logout }',
      'mutation { first: logout(everywhere: true) __typename }',
    ]) expect(isSignInOperation(operation(source))).toBe(true);
  });

  it('are nothing else: other mutations, mixtures, queries', () => {
    for (const source of [
      'mutation { createJournal(input: { name: "x" }) { consistencyToken } }',
      'mutation { login(email: "a", password: "b") { accessToken } createJournal(input: { name: "x" }) { consistencyToken } }',
      'mutation { ... on Mutation { login(email: "a", password: "b") { accessToken } } }',
      'query { me { id } }',
      '{ login }',
    ]) expect(isSignInOperation(operation(source))).toBe(false);
  });
});
