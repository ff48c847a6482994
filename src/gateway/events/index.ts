export { createEventBus, type BusOptions, type InProcessEventBus, type SubscribeOptions } from './bus.js';
