// The compiled schemas accept any extra property, so a misspelt field (`readinesProbe`, `httpGett`) would
// pass and silently do nothing. The kubernetes-models packages also ship the same schemas as TypeScript
// interfaces; walking each object along its interface with the TypeScript checker finds every field the
// API does not have. Maps (`labels`, `data`, KEDA trigger `metadata`) are index signatures and accept any key.
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { Problem } from '../report/problem.js';
import { modelModule } from './kubernetes-models.js';
import { kindOf, labelOf, type RenderedManifest } from './rendered-manifest.js';

export function unknownFieldProblems(manifests: readonly RenderedManifest[], repoRoot: string): Problem[] {
  const kinds = new Map<string, { module: string; kind: string }>();
  for (const m of manifests) {
    const module = typeof m.object.apiVersion === 'string' ? modelModule(m.object.apiVersion) : undefined;
    if (module) kinds.set(`${module}#${kindOf(m)}`, { module, kind: kindOf(m) });
  }
  if (kinds.size === 0) return [];
  const entries = [...kinds.values()];
  // A virtual module naming each kind's interface, resolved against the workspace's node_modules.
  const virtualFile = join(repoRoot, 'deploy', 'src', 'manifests', '__kubernetes-types__.ts');
  const source = entries.map((e, i) => `import type { I${e.kind} as T${i} } from '${e.module}/${e.kind}';\nexport type R${i} = T${i};`).join('\n');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true, skipLibCheck: true, types: [], strict: true,
  };
  const host = ts.createCompilerHost(options);
  const [fileExists, readFile, getSourceFile] = [host.fileExists.bind(host), host.readFile.bind(host), host.getSourceFile.bind(host)];
  host.fileExists = (f) => f === virtualFile || fileExists(f);
  host.readFile = (f) => (f === virtualFile ? source : readFile(f));
  host.getSourceFile = (f, language, ...rest) =>
    f === virtualFile ? ts.createSourceFile(f, source, language) : getSourceFile(f, language, ...rest);
  host.getCurrentDirectory = () => dirname(virtualFile);
  const program = ts.createProgram([virtualFile], options, host);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(virtualFile)!;
  const rootTypes = new Map<string, ts.Type>();
  file.statements.filter(ts.isTypeAliasDeclaration).forEach((alias, i) => {
    const entry = entries[i]!;
    const type = checker.getTypeAtLocation(alias.name);
    if (!(type.flags & ts.TypeFlags.Any)) rootTypes.set(`${entry.module}#${entry.kind}`, type);
  });

  const problems: Problem[] = [];
  for (const m of manifests) {
    const module = typeof m.object.apiVersion === 'string' ? modelModule(m.object.apiVersion) : undefined;
    const type = module ? rootTypes.get(`${module}#${kindOf(m)}`) : undefined;
    if (!type) continue; // no schema: schemaProblems already says so
    walk(checker, m.object, type, '', (field) => problems.push({ file: m.file, object: labelOf(m), field, message: 'unknown field (not in the API schema: misspelt or misplaced?)' }));
  }
  return problems;
}

function walk(checker: ts.TypeChecker, value: unknown, declared: ts.Type, path: string, report: (field: string) => void): void {
  if (value === null || typeof value !== 'object') return;
  const type = objectPart(checker, declared);
  if (!type) return;
  if (Array.isArray(value)) {
    const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
    if (element) value.forEach((item, i) => walk(checker, item, element, `${path}[${i}]`, report));
    return;
  }
  const anyKey = checker.getIndexTypeOfType(type, ts.IndexKind.String);
  for (const [key, child] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const property = checker.getPropertyOfType(type, key);
    if (property) walk(checker, child, checker.getTypeOfSymbol(property), field, report);
    else if (anyKey) walk(checker, child, anyKey, field, report);
    else report(field);
  }
}

/** The object type to walk into: unions with null/undefined/primitives reduced to their one object member. */
function objectPart(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  const nonNullable = checker.getNonNullableType(type);
  if (nonNullable.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  if (nonNullable.isUnion()) {
    const objects = nonNullable.types.filter((t) => t.flags & ts.TypeFlags.Object);
    return objects.length === 1 ? objects[0] : undefined;
  }
  return nonNullable.flags & ts.TypeFlags.Object ? nonNullable : undefined;
}
