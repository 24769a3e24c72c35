import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, Kind, OperationTypeNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { withSubscriptions, type PublicSchema } from './subscription-schema.js';

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/**
 * `@apollo/gateway` as Apollo Server sees it, plus the gateway's own `Subscription` type: Apollo Server
 * validates against the public schema (supergraph API schema + Subscription), and introspection is answered
 * from it, so the playground, codegen and any client see the subscriptions. Everything else is the federated
 * executor's. (An operation mixing introspection with data fields is introspected by `@apollo/gateway`,
 * which does not know `Subscription`; tools send introspection on its own.)
 */
export class GatewayWithSubscriptions implements GatewayInterface {
  private readonly extended = new WeakMap<GraphQLSchema, PublicSchema>();
  private latest: PublicSchema | undefined;

  constructor(private readonly federated: GatewayInterface, private readonly onPublicSchema?: (schema: PublicSchema) => void) {}

  /** The public schema of the supergraph loaded last. */
  get publicSchema(): PublicSchema {
    if (!this.latest) throw new Error('the gateway has not loaded its supergraph yet');
    return this.latest;
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]) {
    return this.federated.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
      this.extend(apiSchema);
      // A copy of its own: Apollo Server wraps the resolvers of the schema it is given (plugin
      // instrumentation), which would override the subscription executor's resolvers on a shared one.
      callback({ apiSchema: withSubscriptions(apiSchema).schema, coreSupergraphSdl });
    });
  }

  async load(options: Parameters<GatewayInterface['load']>[0]) {
    const { executor } = await this.federated.load(options);
    if (!executor) return { executor };
    const withIntrospection: Executor = async (requestContext) =>
      isIntrospectionOnly(requestContext.operation)
        ? execute({
            schema: requestContext.schema,
            document: requestContext.document,
            operationName: requestContext.operationName,
            variableValues: requestContext.request.variables,
          })
        : executor(requestContext);
    return { executor: withIntrospection };
  }

  stop(): Promise<void> {
    return this.federated.stop();
  }

  private extend(apiSchema: GraphQLSchema): PublicSchema {
    let result = this.extended.get(apiSchema);
    if (!result) {
      result = withSubscriptions(apiSchema);
      this.extended.set(apiSchema, result);
      this.latest = result;
      this.onPublicSchema?.(result);
    }
    return result;
  }
}

/** Only `__schema`, `__type` and `__typename` at the root of a query. */
function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))
  );
}
