export { type ReportingEngine, salesStoryApi } from './sales-story-api';
export { salesStory, storyEvent } from './sales-story.fixture';
export { channelStory, registrationStory } from './channel-story.fixture';
