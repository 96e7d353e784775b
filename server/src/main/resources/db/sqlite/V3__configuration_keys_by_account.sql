-- FlexConf schema, version 3. A page of configurations is read from the index alone: (account_sid,
-- seq, sid) gives each row's position and sid, and the JSON of a configuration is cached by sid, so a
-- page touches the table only for configurations not in the cache. It replaces (account_sid, seq),
-- which it covers, so a create still writes one index entry for the account list (bench/README.md).
DROP INDEX configuration_by_account;
CREATE INDEX configuration_keys_by_account ON configuration (account_sid, seq, sid);
