-- FlexConf on PostgreSQL, schema version 1: the tables of SQLite's versions 1 to 4, in the types both
-- engines' SQL reads alike (flags are 0/1 integers, dates UTC epoch seconds; seq is each table's creation
-- order). flexconf_schema holds the version: one row.
CREATE TABLE flexconf_schema (
    version INTEGER NOT NULL
);
INSERT INTO flexconf_schema (version) VALUES (0);

CREATE TABLE setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE plugin (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sid           TEXT     NOT NULL UNIQUE,
    account_sid   TEXT     NOT NULL,
    unique_name   TEXT     NOT NULL,
    friendly_name TEXT,
    description   TEXT,
    archived      SMALLINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    date_created  BIGINT   NOT NULL,
    date_updated  BIGINT   NOT NULL,
    UNIQUE (account_sid, unique_name)
);
CREATE INDEX plugin_by_account ON plugin (account_sid, seq);

CREATE TABLE plugin_version (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sid             TEXT     NOT NULL UNIQUE,
    account_sid     TEXT     NOT NULL,
    plugin_sid      TEXT     NOT NULL REFERENCES plugin (sid),
    version         TEXT     NOT NULL,
    plugin_url      TEXT     NOT NULL,
    changelog       TEXT,
    private         SMALLINT NOT NULL CHECK (private IN (0, 1)),
    cli_version     TEXT,
    validate_status TEXT,
    archived        SMALLINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    date_created    BIGINT   NOT NULL,
    UNIQUE (plugin_sid, version)
);
CREATE INDEX plugin_version_by_plugin ON plugin_version (plugin_sid, seq);

CREATE TABLE configuration (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sid          TEXT     NOT NULL UNIQUE,
    account_sid  TEXT     NOT NULL,
    name         TEXT     NOT NULL,
    description  TEXT,
    archived     SMALLINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    date_created BIGINT   NOT NULL
);
CREATE INDEX configuration_keys_by_account ON configuration (account_sid, seq, sid);

CREATE TABLE configured_plugin (
    seq                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    configuration_sid  TEXT    NOT NULL REFERENCES configuration (sid),
    plugin_sid         TEXT    NOT NULL REFERENCES plugin (sid),
    plugin_version_sid TEXT    NOT NULL REFERENCES plugin_version (sid),
    phase              INTEGER NOT NULL,
    UNIQUE (configuration_sid, plugin_sid)
);

CREATE TABLE plugin_release (
    seq               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sid               TEXT   NOT NULL UNIQUE,
    account_sid       TEXT   NOT NULL,
    configuration_sid TEXT   NOT NULL REFERENCES configuration (sid),
    date_created      BIGINT NOT NULL
);
CREATE INDEX plugin_release_by_account ON plugin_release (account_sid, seq);

CREATE TABLE flex_configuration (
    account_sid TEXT PRIMARY KEY,
    fields      TEXT NOT NULL
);
