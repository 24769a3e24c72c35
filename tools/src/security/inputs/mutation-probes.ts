// Every argument and input field of every mutation the gateway serves (by introspection), each paired with
// the hostile values of its type: the probes a malformed-input sweep sends.
import type { GatewayClient } from '../../e2e/gateway-client.js';
import { hostileRecurrences, hostileValues, type HostileValue } from './hostile-values.js';

interface TypeRef { kind: string; name: string | null; ofType: TypeRef | null }
interface InputValue { name: string; type: TypeRef }
interface IntrospectedType { name: string; kind: string; inputFields: InputValue[] | null; fields: { name: string; type: TypeRef }[] | null }

export interface MutationShape {
  readonly name: string;
  readonly args: readonly InputValue[];
  /** The selection that makes a valid document: the consistency token where the payload has one. */
  readonly selection: string;
  /** A query probed the same way (exportJournal, whose arguments make a file); absent: a mutation. */
  readonly operation?: 'query';
}

export interface Probe extends HostileValue {
  readonly mutation: string;
  /** `[argument]` or `[argument, inputField]`. */
  readonly path: readonly string[];
}

const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

export async function mutationShapes(client: GatewayClient): Promise<{ shapes: MutationShape[]; types: Map<string, IntrospectedType> }> {
  const { __schema: schema } = await client.data<{ __schema: { mutationType: { name: string }; types: IntrospectedType[] } }>(`{
    __schema { mutationType { name } types { name kind inputFields { name type { ${typeRef} } } fields { name type { ${typeRef} } args { name type { ${typeRef} } } } } } }`);
  const types = new Map(schema.types.map((t) => [t.name, t]));
  const mutation = types.get(schema.mutationType.name)!;
  const shapes = (mutation.fields as unknown as { name: string; type: TypeRef; args: InputValue[] }[]).map((field) => {
    const payload = types.get(named(field.type));
    const selection = payload?.kind !== 'OBJECT' ? '' : payload.fields?.some((f) => f.name === 'consistencyToken') ? '{ consistencyToken }' : '{ __typename }';
    return { name: field.name, args: field.args, selection };
  });
  return { shapes, types };
}

/** A query of the API as a shape to probe like a mutation's (its payload's first scalar field selected). */
export async function queryShape(client: GatewayClient, name: string): Promise<MutationShape> {
  const { __schema: schema } = await client.data<{ __schema: { queryType: { fields: { name: string; type: TypeRef; args: InputValue[] }[] } } }>(`{
    __schema { queryType { fields { name type { ${typeRef} } args { name type { ${typeRef} } } } } } }`);
  const field = schema.queryType.fields.find((f) => f.name === name);
  if (!field) throw new Error(`the gateway serves no Query.${name}`);
  return { name, args: field.args, selection: '{ __typename }', operation: 'query' };
}

/** `mutation ($a: T!, …) { name(a: $a, …) selection }` (`query` for a query's shape) */
export function documentFor(shape: MutationShape): string {
  const operation = shape.operation ?? 'mutation';
  if (shape.args.length === 0) return `${operation} { ${shape.name} ${shape.selection} }`;
  const variables = shape.args.map((a) => `$${a.name}: ${printType(a.type)}`).join(', ');
  const args = shape.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${operation} (${variables}) { ${shape.name}(${args}) ${shape.selection} }`;
}

export function probesFor(shape: MutationShape, types: Map<string, IntrospectedType>): Probe[] {
  return shape.args.flatMap((arg) => {
    const input = types.get(named(arg.type));
    if (input?.kind === 'INPUT_OBJECT') {
      return (input.inputFields ?? []).flatMap((field) => valuesFor(field).map((v) => ({ ...v, mutation: shape.name, path: [arg.name, field.name] })));
    }
    return valuesFor(arg).map((v) => ({ ...v, mutation: shape.name, path: [arg.name] }));
  });
}

function valuesFor(input: InputValue): HostileValue[] {
  if (input.name === 'recurrence') return [...hostileRecurrences, ...(hostileValues['String'] ?? [])];
  const list = listOf(input.type);
  const values = hostileValues[list ? `[${list}!]` : named(input.type)];
  if (!values) throw new Error(`no hostile values for ${printType(input.type)} (${input.name}): add them to hostile-values.ts`);
  return values;
}

function named(type: TypeRef): string {
  return type.name ?? named(type.ofType!);
}

function listOf(type: TypeRef): string | undefined {
  if (type.kind === 'NON_NULL') return listOf(type.ofType!);
  return type.kind === 'LIST' ? named(type.ofType!) : undefined;
}

function printType(type: TypeRef): string {
  if (type.kind === 'NON_NULL') return `${printType(type.ofType!)}!`;
  if (type.kind === 'LIST') return `[${printType(type.ofType!)}]`;
  return type.name!;
}

/** `variables` with the value at `path` replaced. */
export function withValue(variables: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return { ...variables, [head]: value };
  return { ...variables, [head]: withValue((variables[head] as Record<string, unknown> | undefined) ?? {}, rest, value) };
}
