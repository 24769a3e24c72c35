-- A user's insights setting is published (InsightsSettingChanged, aggregate insightsSettingsAggregateId(user_id)):
-- `version` is that aggregate's latest version, +1 per change. 0: a setting stored before it was published, which
-- the subgraph publishes at start-up (publishUnpublishedSettings).
ALTER TABLE insights_settings ADD COLUMN IF NOT EXISTS version int NOT NULL DEFAULT 0 CHECK (version >= 0);
