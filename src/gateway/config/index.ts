export { loadConfigFile, parseConfig, parseConfigText, type GatewayConfig, type ResolvedRoute } from './load.js';
export { GatewayConfigSchema, PolicySchema, ACTIONS, RESPONSE_ACTIONS, type Action, type ResponseAction, type GatewayConfigInput, type UpstreamConfig, type RouteConfig } from './schema.js';
