import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// The supergraph's DateTime and Date: one definition, so every subgraph that declares them parses and answers them alike.

const isoInstant = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const isoDate = /^\d{4}-\d\d-\d\d$/;

/** `DateTime`: an ISO-8601 instant; always answered in UTC with milliseconds. */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent this value');
    return date.toISOString();
  },
  parseValue: (value) => parseInstant(value),
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** `Date`: a calendar day, `YYYY-MM-DD`, kept as a string so no time zone can shift it. */
export const CalendarDate = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && isoDate.test(value)) return value;
    throw new GraphQLError('Date cannot represent this value');
  },
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseInstant(value: unknown): Date {
  const date = typeof value === 'string' && isoInstant.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 instant, e.g. 2030-01-31T09:30:00Z');
  return date;
}

function parseDay(value: unknown): string {
  if (typeof value === 'string' && isoDate.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return value;
  throw new GraphQLError('Date must be YYYY-MM-DD');
}
