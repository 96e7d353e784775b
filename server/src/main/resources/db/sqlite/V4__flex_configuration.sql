-- FlexConf schema, version 4: the seeded fields of each account's Flex Configuration (/v1/Configuration),
-- a JSON object laid over the defaults when it is answered. An account without a row gets the defaults.
CREATE TABLE flex_configuration (
    account_sid TEXT PRIMARY KEY,
    fields      TEXT NOT NULL
) WITHOUT ROWID;
