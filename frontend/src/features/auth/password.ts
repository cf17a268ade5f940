export const MIN_PASSWORD_LENGTH = 8;

/** Why a new password can't be used, or undefined when it can. */
export function passwordProblem(password: string, confirm: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password !== confirm) return 'The two passwords differ. Type the same password twice.';
  return undefined;
}
