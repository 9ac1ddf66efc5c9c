import { describe, expect, it } from 'vitest';
import { fitText, textWidth } from '../../../src/timeline/textWidth.ts';

describe('fitText', () => {
  it('leaves a name that fits as it is', () => {
    expect(fitText('hamburger.edu', 15, 148)).toBe('hamburger.edu');
    expect(fitText('밥의 휴대폰', 15, 148)).toBe('밥의 휴대폰');
  });

  it('cuts a long host name with an ellipsis so that it ends within the width', () => {
    const long = 'mail-gateway.computer-science.hamburger.edu';
    const fitted = fitText(long, 15, 148);
    expect(fitted.endsWith('…')).toBe(true);
    expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(textWidth(fitted, 15)).toBeLessThanOrEqual(148);
    // One character more would not fit: the cut is as late as it can be.
    expect(textWidth(`${long.slice(0, fitted.length)}…`, 15)).toBeGreaterThan(148);
  });

  it('counts Hangul as wide, so a long Korean name is cut sooner than a Latin one of the same length', () => {
    const korean = '컴퓨터공학과 교수님의 연구실 컴퓨터';
    const fitted = fitText(korean, 15, 148);
    expect(fitted.endsWith('…')).toBe(true);
    expect(textWidth(fitted, 15)).toBeLessThanOrEqual(148);
    expect(fitted.length).toBeLessThan(fitText('a'.repeat(korean.length), 15, 148).length);
  });
});
