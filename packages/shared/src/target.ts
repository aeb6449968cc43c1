export type TargetColourName = 'GREEN' | 'AMBER' | 'RED';
export type DirectionName = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

/**
 * Traffic-light colour of a value against a target: green when the target is met, amber when
 * the value is on the right side of the amber threshold, red otherwise.
 */
export function targetColour(
  value: number,
  target: { value: number; amberThreshold: number },
  direction: DirectionName,
): TargetColourName {
  if (direction === 'HIGHER_IS_BETTER') {
    if (value >= target.value) return 'GREEN';
    return value >= target.amberThreshold ? 'AMBER' : 'RED';
  }
  if (value <= target.value) return 'GREEN';
  return value <= target.amberThreshold ? 'AMBER' : 'RED';
}

/** A target's amber threshold must lie on the worse side of its value. */
export function isAmberThresholdConsistent(
  target: { value: number; amberThreshold: number },
  direction: DirectionName,
): boolean {
  return direction === 'HIGHER_IS_BETTER'
    ? target.amberThreshold <= target.value
    : target.amberThreshold >= target.value;
}
