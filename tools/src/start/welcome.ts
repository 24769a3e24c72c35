/**
 * What a newcomer needs after `npm start`: where to go, and how to get an access token. Accounts live in
 * the identity service, so the way in is `register` in the playground (the printed demo token of the
 * walking skeleton belonged to no account and could not be logged out).
 */
export function printWelcome(gatewayUrl: string, appUrl?: string): void {
  const playground = gatewayUrl.replace(/\/graphql$/, '/playground');
  const app = appUrl
    ? `  App:          ${appUrl}   (sign up there, or use the playground below)`
    : '  App:          not built yet: npx nx run @mindflow/angular-client:build, then start again';
  console.log(`
MindFlow is running.
${app}
  GraphQL API:  ${gatewayUrl}
  Playground:   ${playground}

Create an account in the playground (no token needed for this one):
  mutation { register(email: "you@example.com", password: "a long passphrase", name: "You") { accessToken expiresAt } }
then send the accessToken as the header  Authorization: Bearer <accessToken>.
It lasts 15 minutes: refreshSession renews it (the refresh token rides in an httpOnly cookie), login signs in
again, logout (everywhere: true) ends your sessions.

A role that dies is restarted (the launcher logs it); \`npm run status\` shows every role's state.
Press Ctrl-C to stop.`);
}
