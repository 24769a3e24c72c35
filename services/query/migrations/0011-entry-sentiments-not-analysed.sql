-- AIInsightsGenerated V2 says when an analysis could not read the entry (`analysed: false`: the local analyzer reads
-- English only, and its sentiment 0 is a placeholder). The projector keeps such an entry's row with a null
-- sentiment, so mood_days' avg() leaves it out instead of counting it as neutral (issue 17).
--
-- Rows written before this cannot be told apart here: the read DB kept only the number, and a "not analysed" 0 is
-- the same 0 as a neutral English entry's. Which is which is in the log (V1 events are upcast with `analysed`), so
-- a read DB projected before this is corrected by rebuilding the query projection
-- (`npx tsx tools/src/projections/rebuild.ts --projection query`); until then its old days average as before.
ALTER TABLE entry_sentiments ALTER COLUMN sentiment DROP NOT NULL;
