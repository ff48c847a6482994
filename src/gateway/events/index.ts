export { createEventBus, isInProcessBus, type BusOptions, type InProcessEventBus, type SubscribeOptions } from './bus.js';
