/** Hub-wide roles held on the account itself; roles in structures come with memberships. */
export const ROLES_HUB = ["administrateur"] as const;
export type RoleHub = (typeof ROLES_HUB)[number];
