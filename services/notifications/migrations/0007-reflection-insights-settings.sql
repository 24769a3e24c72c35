-- Whether each user wants AI insights, as the insights service publishes it (InsightsSettingChanged): a premium
-- user who turned them off gets the local weekly reflection, their entries never sent to Claude. No row: enabled
-- (the insights default). `version` is the setting aggregate's: an older event (a replay) does not take a newer back.
CREATE TABLE IF NOT EXISTS reflection_insights_settings (
  user_id           uuid PRIMARY KEY,
  insights_enabled  boolean NOT NULL,
  version           int NOT NULL CHECK (version >= 1),
  changed_at        timestamptz NOT NULL
);
