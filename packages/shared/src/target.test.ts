import { describe, expect, it } from 'vitest';
import { isAmberThresholdConsistent, targetColour } from './target.js';

describe('targetColour', () => {
  const t = { value: 90, amberThreshold: 80 };
  it('higher is better', () => {
    expect(targetColour(95, t, 'HIGHER_IS_BETTER')).toBe('GREEN');
    expect(targetColour(90, t, 'HIGHER_IS_BETTER')).toBe('GREEN');
    expect(targetColour(85, t, 'HIGHER_IS_BETTER')).toBe('AMBER');
    expect(targetColour(79.9, t, 'HIGHER_IS_BETTER')).toBe('RED');
  });
  it('lower is better (antibiotics per 1,000)', () => {
    const a = { value: 250, amberThreshold: 300 };
    expect(targetColour(240, a, 'LOWER_IS_BETTER')).toBe('GREEN');
    expect(targetColour(280, a, 'LOWER_IS_BETTER')).toBe('AMBER');
    expect(targetColour(301, a, 'LOWER_IS_BETTER')).toBe('RED');
  });
  it('checks the amber threshold lies on the worse side', () => {
    expect(isAmberThresholdConsistent(t, 'HIGHER_IS_BETTER')).toBe(true);
    expect(isAmberThresholdConsistent(t, 'LOWER_IS_BETTER')).toBe(false);
  });
});
