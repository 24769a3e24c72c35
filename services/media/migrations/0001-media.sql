-- The media service's tables (scope `media`), in its own database (MEDIA_DATABASE_URL; embedded: the write DB).
-- The outbox beside them is the command scope's (outboxMigrations): AttachmentAdded / AttachmentRemoved are
-- written in the same transaction as the rows they describe. In embedded mode this database is the write DB,
-- hence IF NOT EXISTS on the projection runtime's table (as notifications and insights).

CREATE TABLE IF NOT EXISTS projection_versions (
  projection   text NOT NULL,
  aggregate_id uuid NOT NULL,
  version      int  NOT NULL,
  PRIMARY KEY (projection, aggregate_id)
);

-- An upload the caller asked for (requestUpload): the object key its signed PUT URL writes to. A row without
-- attached_at past expires_at is swept (object and row); attachFile deletes it once the object is processed.
CREATE TABLE media_uploads (
  upload_id     uuid PRIMARY KEY,
  owner_id      uuid NOT NULL,
  file_name     text NOT NULL,
  declared_type text NOT NULL,
  declared_size bigint NOT NULL CHECK (declared_size > 0),
  object_key    text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX media_uploads_expiry ON media_uploads (expires_at);
CREATE INDEX media_uploads_owner ON media_uploads (owner_id);

-- What an attachment may hang on, followed from the event log by the media projector: every entry and thought
-- with its owner and journal. deleted_at set: its attachments were removed and nothing new may be attached.
CREATE TABLE media_targets (
  target_id   uuid PRIMARY KEY,
  target_type text NOT NULL CHECK (target_type IN ('Entry', 'Thought')),
  owner_id    uuid NOT NULL,
  journal_id  uuid,
  deleted_at  timestamptz
);
CREATE INDEX media_targets_journal ON media_targets (journal_id) WHERE journal_id IS NOT NULL;

-- The attachments that exist: the rows Entry.attachments / Thought.attachments read. A removed one is deleted
-- (its AttachmentRemoved is in the outbox, its objects queued in media_object_deletions).
CREATE TABLE media_attachments (
  attachment_id    uuid PRIMARY KEY,
  owner_id         uuid NOT NULL,
  target_type      text NOT NULL CHECK (target_type IN ('Entry', 'Thought')),
  target_id        uuid NOT NULL,
  journal_id       uuid,
  file_name        text NOT NULL,
  content_type     text NOT NULL,
  size             bigint NOT NULL CHECK (size > 0),
  object_key       text NOT NULL UNIQUE,
  thumbnail_key    text,
  thumbnail_size   bigint NOT NULL DEFAULT 0,
  width            int,
  height           int,
  duration_seconds double precision,
  created_at       timestamptz NOT NULL
);
CREATE INDEX media_attachments_target ON media_attachments (target_id, created_at, attachment_id);
CREATE INDEX media_attachments_owner ON media_attachments (owner_id);

-- Objects to delete from storage: written in the transaction that removed their row (or found them orphaned),
-- deleted by the sweeper (and at once after a removal's commit), so a crash between the two never leaves an
-- object nothing points at.
CREATE TABLE media_object_deletions (
  object_key text PRIMARY KEY,
  queued_at  timestamptz NOT NULL
);
