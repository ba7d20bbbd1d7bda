/** The `X-DEVOPS-ACCESS-TOKEN` values the demo accepts. */
export const DEMO_TOKENS = {
  demo: 'demo-token',
  admin: 'admin-token',
  other: 'other-token',
} as const;

export interface DemoUser {
  readonly name: string;
  canRead(projectId: string, repoName: string): boolean;
}

const USERS: ReadonlyMap<string, DemoUser> = new Map([
  [
    DEMO_TOKENS.demo,
    {
      name: 'demo',
      canRead: (projectId: string, repoName: string) =>
        !(projectId === 'demo' && repoName === 'private'),
    },
  ],
  [DEMO_TOKENS.admin, { name: 'admin', canRead: () => true }],
  [DEMO_TOKENS.other, { name: 'other', canRead: (projectId: string) => projectId === 'other' }],
]);

export function userForToken(token: string | undefined): DemoUser | undefined {
  return token === undefined ? undefined : USERS.get(token);
}
