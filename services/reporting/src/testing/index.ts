export { type ReportingEngine, salesStoryApi } from './sales-story-api';
export { salesStory, storyEvent } from './sales-story.fixture';
export { channelStory } from './channel-story.fixture';
