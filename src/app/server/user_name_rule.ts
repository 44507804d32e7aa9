/**
 * The rule for a user name, as the server's schema checks it (schemas.ts UserName) and the page's
 * setup form says it before sending (sign_in.tsx). Pure: the page takes it without the schemas.
 */
export const USER_NAME_RULE = { minLength: 2, maxLength: 64, pattern: '^[a-z0-9][a-z0-9._-]*$' } as const;

/** Does `name` follow USER_NAME_RULE? */
export function isUserName(name: string): boolean {
  return name.length >= USER_NAME_RULE.minLength && name.length <= USER_NAME_RULE.maxLength && new RegExp(USER_NAME_RULE.pattern).test(name);
}
