import { onboardingProgress } from './onboarding-plan';
import { now, tasks } from './person.fixture';

describe('onboarding progress', () => {
  it('dates each task from the first day and shows who did what', () => {
    const done = { taskId: 'product-basics', completedBy: 'rep-mira', completedAt: now };
    expect(onboardingProgress('2026-03-02', tasks, [done])).toEqual([
      { ...tasks[0], dueOn: '2026-03-02' },
      { ...tasks[1], dueOn: '2026-03-16', completion: done },
      { ...tasks[2], dueOn: '2026-04-01' },
    ]);
  });

  it('has nothing to show without a plan', () => {
    expect(onboardingProgress('2026-03-02', [], [])).toEqual([]);
  });
});
