import { expect } from 'vitest';
import type { CommandContext } from '../domain/shared/command-context.js';
import { isDomainError, type Decision, type DomainError } from '../domain/shared/domain-error.js';

/**
 * Domain tests read as given(facts) / when(command) / then(facts or refusal), after emmett's
 * DeciderSpecification: the state is only ever built by replaying events, as in production.
 */
export function deciderSpecification<Fact, Command, State, Event>(decider: {
  stateFrom: (facts: readonly Fact[]) => State;
  decide: (command: Command, state: State, context: CommandContext) => Decision<Event>;
}) {
  return (...facts: Fact[]) => ({
    when: (command: Command, context: CommandContext = testContext) => {
      const decision = decider.decide(command, decider.stateFrom(facts), context);
      return {
        then: (...expected: Event[]) => {
          expect(isDomainError(decision) ? decision : [...decision]).toEqual(expected);
        },
        thenRefuses: (expected: Partial<DomainError>) => {
          expect(isDomainError(decision), `expected a refusal, got ${JSON.stringify(decision)}`).toBe(true);
          expect(decision).toMatchObject(expected);
        },
      };
    },
  });
}

export const testContext: CommandContext = {
  now: '2026-03-01T09:00:00.000Z',
  ids: ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2'],
};
