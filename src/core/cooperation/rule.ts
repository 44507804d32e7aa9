/**
 * The operational rules the agreement implies, as data: who coordinates where, and when another
 * party must be notified. Every finding names the rule that raised it.
 */

/** Whom a notification goes to. */
export type NotifyTarget =
  /** The RCC whose SRR the unit enters. */
  | 'srr-owner'
  /** The first RCC of every party other than the unit's own that claims the feature. */
  | 'other-claimants'
  /** The first RCC of every party other than the unit's own. */
  | 'other-parties';

/** The coordinating RCC is the one whose SRR holds the datum; hand-over when the datum crosses. */
export interface CoordinatingRccRule {
  readonly id: string;
  readonly kind: 'coordinating-rcc';
  readonly text: string;
  /**
   * Who closes and reopens a joint case: the coordinating RCC's SMC alone, or any party's once every
   * other party agreed (`coordinating-rcc`, the default), or only the latter (`every-party`).
   */
  readonly closedBy?: 'coordinating-rcc' | 'every-party';
}

/** A unit sent into another party's SRR requires a notification before the plan is issued. */
export interface SrrEntryRule {
  readonly id: string;
  readonly kind: 'srr-entry-notification';
  readonly text: string;
  readonly notify: NotifyTarget;
  /** How long before the unit enters the notification must be given, hours. */
  readonly leadTimeH: number;
}

/** A unit sent within `radiusNm` of a contested feature requires a notification. */
export interface ContestedFeatureRule {
  readonly id: string;
  readonly kind: 'contested-feature-notification';
  readonly text: string;
  readonly radiusNm: number;
  readonly notify: NotifyTarget;
  /** How long before the unit comes within the radius the notification must be given, hours. */
  readonly leadTimeH: number;
}

/** A rule. */
export type CooperationRule = CoordinatingRccRule | SrrEntryRule | ContestedFeatureRule;
