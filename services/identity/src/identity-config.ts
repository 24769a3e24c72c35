import { authConfigShape } from '@mindflow/auth';
import { keyStoreConfigSchema } from '@mindflow/event-log';
import { ErasingService } from '@mindflow/events';
import { modeSchema, port } from '@mindflow/platform';
import { z } from 'zod';
import { defaultLoginLimits } from './domain/login/login-limits.js';

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The identity service's environment (docs/CONVENTIONS.md; IDENTITY_* are its own). */
export const identityConfigSchema = z.object({
  MINDFLOW_MODE: modeSchema,
  IDENTITY_DATABASE_URL: z.string().min(1, 'IDENTITY_DATABASE_URL: identity\'s own database (postgres://…) is required'),
  /** One HTTP port: the subgraph (`/graphql`), the JWKS (`/.well-known/jwks.json`), session liveness. */
  IDENTITY_PORT: port(4002),
  /** Loopback unless a deployment says otherwise: only the gateway should reach identity. */
  IDENTITY_HOST: z.string().default('127.0.0.1'),
  /** distributed mode: the live-session registry the gateway's liveness check reads. */
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().default('mindflow:'),
  AUTH_PRIVATE_KEY: authConfigShape.AUTH_PRIVATE_KEY,
  AUTH_PUBLIC_KEY: authConfigShape.AUTH_PUBLIC_KEY,
  INTERNAL_CALLER_SECRET: authConfigShape.INTERNAL_CALLER_SECRET,
  /** A refresh token's life; each rotation starts a new one. */
  IDENTITY_REFRESH_TTL_DAYS: positive(14),
  /** A session's absolute life from sign-in, however often it is refreshed. */
  IDENTITY_SESSION_MAX_DAYS: positive(30),
  /** Argon2id cost (OWASP minimum by default); existing hashes are upgraded at the next good login. */
  IDENTITY_ARGON2_MEMORY_KIB: z.coerce.number().int().min(8).default(19_456),
  IDENTITY_ARGON2_PASSES: positive(2),
  IDENTITY_ARGON2_PARALLELISM: positive(1),
  /** Where reset links are mailed through (embedded: the local mail catcher, as the notifications service's mail). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must be smtp://… or smtps://…').default('smtp://127.0.0.1:1025'),
  IDENTITY_MAIL_FROM: z.string().min(1).default('MindFlow <accounts@mindflow.localhost>'),
  /** The app's public address: a reset link opens `<it>/reset-password`. Never taken from a request (a forged Host would phish). */
  MINDFLOW_APP_URL: z.url().default('http://localhost:3000'),
  /** A reset link's life, in minutes. */
  IDENTITY_RESET_TTL_MINUTES: positive(30),
  /** Login limits per client (SECURITY.md): failures in a row at one address, then refused there for the block. */
  IDENTITY_LOGIN_MAX_FAILURES: positive(defaultLoginLimits.maxFailures),
  IDENTITY_LOGIN_BLOCK_SECONDS: positive(defaultLoginLimits.blockSeconds),
  /** Failures from one client across all addresses per window (password spraying). */
  IDENTITY_LOGIN_CLIENT_MAX_FAILURES: positive(defaultLoginLimits.clientMaxFailures),
  IDENTITY_LOGIN_CLIENT_WINDOW_SECONDS: positive(defaultLoginLimits.clientWindowSeconds),
  /** Erasure (README "Erasure"): the services that must acknowledge a user's erasure, comma-separated. */
  IDENTITY_ERASURE_SERVICES: z
    .string()
    .default('command,query,search,insights,notifications,media')
    .transform((list) => list.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(ErasingService).min(1)),
  /** A service that has not acknowledged this long after the last request is asked again. */
  IDENTITY_ERASURE_RETRY_SECONDS: positive(900),
  /** How often the saga looks for keys to destroy and overdue acknowledgements. */
  IDENTITY_ERASURE_ROUND_SECONDS: positive(60),
  /**
   * Read the services' UserDataErased from the event log (embedded: the write DB's outbox; distributed: Kafka) so
   * the saga completes erasures (projector/erasure-receipts.ts). Off only for tests that do not exercise erasure.
   */
  IDENTITY_ERASURE_RECEIPTS: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  IDENTITY_ERASURE_RECEIPTS_GROUP: z.string().optional(),
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().default('mindflow'),
  /** The key store (crypto-shredding) whose keys erasure destroys: KEY_STORE_*; embedded, by default in the write DB. */
  ...keyStoreConfigSchema.shape,
  WRITE_DATABASE_URL: z.string().min(1).optional(),
  OPS_PORT: port(9466),
  LOG_LEVEL: z.string().default('info'),
});

export type IdentityConfig = z.infer<typeof identityConfigSchema>;
