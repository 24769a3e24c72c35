export { startGateway, supergraphPath, type GatewayDependencies, type RunningGateway } from './start-gateway.js';
export { gatewayConfigSchema, type GatewayConfig } from './config.js';
