import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';

/** The mutations that need no access token: how one gets (or gives up) a session, or a forgotten password back. */
const signInMutations = new Set(['register', 'login', 'refreshSession', 'logout', 'requestPasswordReset', 'resetPassword', '__typename']);

/**
 * A mutation made only of sign-in fields. These run without a token — and with an invalid one, since
 * the client may still hold the expired or revoked token it is replacing; no caller is passed on then.
 */
export function isSignInOperation(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.MUTATION &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && signInMutations.has(s.name.value))
  );
}
