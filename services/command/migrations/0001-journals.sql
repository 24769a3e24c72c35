-- Journals: the owner's notebooks. Soft-deleted (deleted_at) so that the delete can be propagated as an
-- event and the row still answers "this existed" for version checks.
CREATE TABLE journals (
  id          uuid PRIMARY KEY,
  owner_id    uuid NOT NULL,
  name        text NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 100),
  description text CHECK (char_length(description) <= 1000),
  color       text CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
  icon        text CHECK (char_length(icon) BETWEEN 1 AND 50),
  is_private  boolean NOT NULL DEFAULT true,
  version     int NOT NULL CHECK (version >= 1),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  -- target of entries' composite foreign key, which keeps entries.owner_id equal to their journal's owner
  UNIQUE (id, owner_id)
);

-- The free-plan limit counts an owner's live journals on every create.
CREATE INDEX journals_owner_live ON journals (owner_id) WHERE deleted_at IS NULL;
