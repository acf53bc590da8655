import type { Command } from '@salesos/event-sourcing';
import type { PositionProfile } from './position.events';

export type DefinePosition = Command<'DefinePosition', PositionProfile & { positionId: string; divisionId: string }>;
export type RevisePosition = Command<'RevisePosition', PositionProfile>;
export type RetirePosition = Command<'RetirePosition', { reason: string }>;

export type PositionCommand = DefinePosition | RevisePosition | RetirePosition;
