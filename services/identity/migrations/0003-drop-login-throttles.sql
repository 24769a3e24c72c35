-- Login attempts are now limited per client and address with rate-limiter-flexible (Redis distributed, this
-- process embedded; SECURITY.md), no longer by locking an address for everyone in Postgres.
DROP TABLE IF EXISTS login_throttles;
