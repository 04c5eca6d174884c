-- The near-duplicate signatures that left the window go with their band entries (see
-- crosscheck.GroupChanges.Retired), so that the table stays the size of the window however
-- long the stream: those a store kept from before, older than every band entry, go now.
DELETE FROM group_signatures WHERE id < (SELECT min(signature) FROM group_bands);
