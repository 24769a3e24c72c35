// The tabs a newcomer sees first: how to get a token and where to put it, as comments GraphiQL keeps
// (`register` of API.md; the headers editor is the "Headers" tab under the query). Lines stay short
// enough for the editor's half of a laptop screen.

export const welcomeTab = `# Welcome to the MindFlow GraphQL playground.
#
# 1. Create an account: run this mutation with ▶
#    (or Ctrl+Enter). It needs no token. Have one
#    already? login(email:, password:) works alike.
# 2. Copy "accessToken" from the result, open the
#    Headers tab below and put it there:
#      {"Authorization": "Bearer <accessToken>"}
#    Every operation then sends it: over HTTP, and
#    as connectionParams for subscriptions (WebSocket).
# 3. Try the next tabs. Ctrl+Space completes fields;
#    the book icon (left) opens the docs explorer,
#    the clock icon your history.
#
# The token lasts 15 minutes: refreshSession renews it.
mutation Register {
  register(
    email: "you@example.com"
    password: "a long passphrase"
    name: "You"
  ) {
    accessToken
    expiresAt
    user { id email name }
  }
}
`;

export const meTab = `# Needs the Authorization header (see the first tab).
query Me {
  me { id email name streak }
  journals(first: 10) {
    totalCount
    edges { node { id name entryCount } }
  }
}
`;

export const subscriptionTab = `# Your entries' changes, live over WebSocket (graphql-ws).
# Run it, then create or edit an entry (another tab, or
# the app): each change shows up on the right.
subscription EntryChanged {
  entryChanged {
    kind
    entryId
    entry { title mood updatedAt journal { name } }
  }
}
`;
