// The boot queue: a lab on screen starts at once unless another on-screen lab is booting; a lab
// off screen waits until nothing boots and the page is idle; ending a boot lets the next go.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestBoot } from '@/components/lab/labBoots';

afterEach(() => {
  vi.useRealTimers();
});

describe('which lab boots its cluster when', () => {
  it('boots the lab on screen first, and the labs off screen one at a time once idle', async () => {
    vi.useFakeTimers();
    const started: string[] = [];
    const below = requestBoot(false, () => started.push('below'));
    const further = requestBoot(false, () => started.push('further'));
    const seen = requestBoot(true, () => started.push('seen'));
    expect(started).toEqual(['seen']);
    // Off-screen labs wait for the on-screen boot to end, then for the page to be idle.
    vi.advanceTimersByTime(1000);
    expect(started).toEqual(['seen']);
    seen.done();
    expect(started).toEqual(['seen']);
    vi.advanceTimersByTime(1000);
    expect(started).toEqual(['seen', 'below']);
    // A lab scrolled into view does not wait for an off-screen boot.
    further.setVisible(true);
    expect(started).toEqual(['seen', 'below', 'further']);
    below.done();
    further.done();
  });

  it('a second lab on screen waits for the first one on screen, then starts without waiting for idle', () => {
    vi.useFakeTimers();
    const started: string[] = [];
    const first = requestBoot(true, () => started.push('first'));
    const second = requestBoot(true, () => started.push('second'));
    expect(started).toEqual(['first']);
    first.done();
    expect(started).toEqual(['first', 'second']);
    second.done();
  });
});
