/** The gateway's public surface: load a config, compose a gateway from its parts, serve it. */
export { loadConfigFile, parseConfig, parseConfigText, type GatewayConfig, type ResolvedRoute } from './config/index.js';
export { createGateway, type Gateway, type GatewayParts } from './compose/index.js';
export { startServer, type RunningServer } from './server/index.js';
export { GatewayError, type Authenticator, type Limiter, type LimitTicket, type EventBus, type Principal } from './types.js';
