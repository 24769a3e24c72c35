// Strings that are code somewhere in the stack: SQL, Elasticsearch query syntax, GraphQL, HTML and script,
// template expressions, log lines. Stored and read back, each must be plain text to every layer.
export const injectionStrings: Record<string, string> = {
  'SQL: drop table': "'; DROP TABLE entries_view; --",
  'SQL: always true': "' OR '1'='1' --",
  'SQL: union': "%' UNION SELECT email, password_hash FROM users --",
  'SQL: sleep': "'); SELECT pg_sleep(10); --",
  'SQL: dollar quoting': '$$ || current_user || $$',
  'LIKE wildcards': '%_%',
  'Elasticsearch: match all': '*:*',
  'Elasticsearch: owner field': 'ownerId:* OR owner_id:*',
  'Elasticsearch: regex and fuzzy': '/.*/ OR (a~2 AND b^10) AND NOT c',
  'Elasticsearch: JSON query': '{"query":{"match_all":{}}}',
  'GraphQL: closing braces': '" } } mutation { deleteJournal(id: "x") { id } } #',
  'GraphQL: introspection': '{ __schema { types { name } } }',
  'HTML: script': '<script>alert(document.cookie)</script>',
  'HTML: event handler': '<img src=x onerror="alert(1)">',
  'URL: javascript': 'javascript:alert(1)',
  'template: Angular': "{{constructor.constructor('alert(1)')()}}",
  'template: JS': '${process.exit(1)}',
  'log line': 'ok\r\n{"level":"error","msg":"forged log line"}',
  'path traversal': '../../../../etc/passwd',
};

/** Tags are normalized (trimmed, lower case, no leading #) and at most 50 characters. */
export const asTag = (value: string) => value.trim().replace(/^#/, '').toLowerCase().slice(0, 50);
