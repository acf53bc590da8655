import { type Static, Type } from '@sinclair/typebox';
import { type CalendarDay, Id, Instant, text } from '@salesos/kernel';
import { addDays } from '../../core/domain/calendar-days';
import { invalidPersonInput } from './person.errors';

/** The longest an onboarding may run: two years after the first day. */
export const maxDueDay = 730;

/** One task of a new hire's onboarding, due `dueDay` days after their first day (0: on the first day). */
export const OnboardingTask = Type.Object({
  taskId: Id,
  title: text(1, 200),
  dueDay: Type.Integer({ minimum: 0, maximum: maxDueDay }),
});
export type OnboardingTask = Static<typeof OnboardingTask>;

/** The most tasks a plan may list. */
export const maxOnboardingTasks = 100;

export const OnboardingTasks = Type.Array(OnboardingTask, { minItems: 1, maxItems: maxOnboardingTasks });

export const TaskCompletion = Type.Object({ taskId: Id, completedBy: Id, completedAt: Instant });
export type TaskCompletion = Static<typeof TaskCompletion>;

/** A task of the plan with the day it falls due and, once done, who ticked it when. */
export interface OnboardingTaskProgress extends OnboardingTask {
  dueOn: CalendarDay;
  completion?: TaskCompletion;
}

/**
 * Refuses a plan whose tasks cannot be told apart or fall due on no day of the onboarding, naming the task's place;
 * a revised plan must keep every task already done, so that what a new hire did stays on record.
 */
export function checkOnboardingPlan(tasks: readonly OnboardingTask[], done: readonly TaskCompletion[]): void {
  if (tasks.length === 0 || tasks.length > maxOnboardingTasks) {
    throw invalidPersonInput('tasks', `A plan lists 1 to ${maxOnboardingTasks} tasks`);
  }
  tasks.forEach((task, index) => {
    if (tasks.findIndex((other) => other.taskId === task.taskId) !== index) {
      throw invalidPersonInput(`tasks[${index}].taskId`, `Task '${task.taskId}' is listed a second time`);
    }
    if (!Number.isInteger(task.dueDay) || task.dueDay < 0 || task.dueDay > maxDueDay) {
      throw invalidPersonInput(
        `tasks[${index}].dueDay`,
        `A task falls due a whole number of days from 0 to ${maxDueDay} after the first day`,
      );
    }
  });
  const dropped = done.filter((completion) => !tasks.some((task) => task.taskId === completion.taskId));
  if (dropped.length > 0) {
    throw invalidPersonInput(
      'tasks',
      `The plan must keep the tasks already done: ${dropped.map((completion) => completion.taskId).join(', ')}`,
    );
  }
}

/** Whether two plans list the same tasks in the same order. */
export function samePlan(one: readonly OnboardingTask[], other: readonly OnboardingTask[]): boolean {
  return (
    one.length === other.length &&
    one.every(
      (task, index) =>
        task.taskId === other[index]?.taskId &&
        task.title === other[index]?.title &&
        task.dueDay === other[index]?.dueDay,
    )
  );
}

/** The plan's tasks in plan order, each with its due day counted from the first day and its completion if done. */
export function onboardingProgress(
  hiredOn: CalendarDay,
  tasks: readonly OnboardingTask[],
  done: readonly TaskCompletion[],
): OnboardingTaskProgress[] {
  return tasks.map((task) => {
    const completion = done.find((candidate) => candidate.taskId === task.taskId);
    return { ...task, dueOn: addDays(hiredOn, task.dueDay), ...(completion === undefined ? {} : { completion }) };
  });
}
