-- Identity reads the event log for the erasure saga's acknowledgements (UserDataErased; README "Erasure"):
-- the projector runtime's exactly-once bookkeeping (@mindflow/event-log runProjector).
CREATE TABLE IF NOT EXISTS projection_versions (
  projection   text NOT NULL,
  aggregate_id uuid NOT NULL,
  version      int  NOT NULL,
  PRIMARY KEY (projection, aggregate_id)
);
