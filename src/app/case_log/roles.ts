/**
 * Roles a user may hold (IAMSAR words; DESIGN.md §1): search mission coordinator, on-scene
 * coordinator, exercise control, liaison officer, observer, programme (ministry) staff; `admin`
 * manages the accounts of its own party and reads the audit log.
 */
export type Role = 'smc' | 'osc' | 'exercise-control' | 'liaison-officer' | 'observer' | 'programme-staff' | 'admin';

/** Every role, for schemas and checks. */
export const ROLES: readonly Role[] = ['smc', 'osc', 'exercise-control', 'liaison-officer', 'observer', 'programme-staff', 'admin'];

/** A party code: two or three capital letters, e.g. 'KR', 'JP'. */
export const PARTY_PATTERN = '^[A-Z]{2,3}$';

/** Who is acting: the user, the party they belong to and the roles they hold. */
export interface Actor {
  readonly userName: string;
  readonly party: string;
  readonly roles: readonly Role[];
}
