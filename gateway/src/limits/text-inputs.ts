import { GraphQLError, Kind, type ASTNode, type DocumentNode, type ValueNode } from 'graphql';

/**
 * The first string of a request — in its variables or written into the document — that no subgraph can
 * store as sent: a NUL character (PostgreSQL text refuses it, so the write failed as an internal error)
 * or an unpaired UTF-16 surrogate (silently turned into U+FFFD on the way to UTF-8). Refused here, at the
 * edge, as BAD_USER_INPUT naming the field; undefined when every string is fine.
 */
export function unstorableTextError(document: DocumentNode, variables: Record<string, unknown> | undefined): GraphQLError | undefined {
  const found = inVariables(variables ?? {}, []) ?? inDocumentOnce(document);
  if (!found) return undefined;
  return new GraphQLError(`${found.path} must not contain NUL characters or unpaired surrogates`, {
    extensions: { code: 'BAD_USER_INPUT', field: found.field, http: { status: 400 } },
  });
}

interface Found { readonly path: string; readonly field: string }

const unstorable = (value: string) => value.includes('\u0000') || hasLoneSurrogate(value);

function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else return true;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}

function inVariables(value: unknown, path: readonly (string | number)[]): Found | undefined {
  if (typeof value === 'string') {
    if (!unstorable(value)) return undefined;
    const field = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
    return { path: `$${path.join('.')}`, field };
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = inVariables(item, [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = inVariables(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * What `inDocument` found in a document, per parsed document: Apollo keeps one parsed document per query text,
 * so a client sending the same operation again is not walked again (`null`: nothing unstorable).
 */
const documentVerdicts = new WeakMap<DocumentNode, Found | null>();

function inDocumentOnce(document: DocumentNode): Found | undefined {
  let verdict = documentVerdicts.get(document);
  if (verdict === undefined) documentVerdicts.set(document, (verdict = inDocument(document) ?? null));
  return verdict ?? undefined;
}

/** Strings written into the document as arguments (`createJournal(input: { name: "…" })`). */
function inDocument(node: ASTNode | readonly ASTNode[]): Found | undefined {
  const nodes: readonly ASTNode[] = Array.isArray(node) ? node : [node as ASTNode];
  for (const child of nodes) {
    if (child.kind === Kind.ARGUMENT || child.kind === Kind.OBJECT_FIELD) {
      const name = child.name.value;
      if (literalIsUnstorable(child.value)) return { path: name, field: name };
    }
    for (const value of Object.values(child)) {
      if (value && typeof value === 'object' && ('kind' in value || Array.isArray(value))) {
        const found = inDocument(value as ASTNode | readonly ASTNode[]);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function literalIsUnstorable(value: ValueNode): boolean {
  if (value.kind === Kind.STRING) return unstorable(value.value);
  if (value.kind === Kind.LIST) return value.values.some(literalIsUnstorable);
  return false; // objects: their fields are visited as OBJECT_FIELD nodes
}
