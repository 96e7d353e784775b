-- FlexConf schema, version 1. Dates are UTC epoch seconds; seq is each table's creation order.
CREATE TABLE setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE plugin (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    sid           TEXT    NOT NULL UNIQUE,
    account_sid   TEXT    NOT NULL,
    unique_name   TEXT    NOT NULL,
    friendly_name TEXT,
    description   TEXT,
    archived      INTEGER NOT NULL DEFAULT 0,
    date_created  INTEGER NOT NULL,
    date_updated  INTEGER NOT NULL,
    UNIQUE (account_sid, unique_name)
);
CREATE INDEX plugin_by_account ON plugin (account_sid, seq);

CREATE TABLE plugin_version (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    sid             TEXT    NOT NULL UNIQUE,
    account_sid     TEXT    NOT NULL,
    plugin_sid      TEXT    NOT NULL REFERENCES plugin (sid),
    version         TEXT    NOT NULL,
    plugin_url      TEXT    NOT NULL,
    changelog       TEXT,
    private         INTEGER NOT NULL,
    cli_version     TEXT,
    validate_status TEXT,
    archived        INTEGER NOT NULL DEFAULT 0,
    date_created    INTEGER NOT NULL,
    UNIQUE (plugin_sid, version)
);
CREATE INDEX plugin_version_by_plugin ON plugin_version (plugin_sid, seq);

CREATE TABLE configuration (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    sid          TEXT    NOT NULL UNIQUE,
    account_sid  TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    description  TEXT,
    archived     INTEGER NOT NULL DEFAULT 0,
    date_created INTEGER NOT NULL
);
CREATE INDEX configuration_by_account ON configuration (account_sid, seq);

CREATE TABLE configured_plugin (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    configuration_sid  TEXT    NOT NULL REFERENCES configuration (sid),
    plugin_sid         TEXT    NOT NULL REFERENCES plugin (sid),
    plugin_version_sid TEXT    NOT NULL REFERENCES plugin_version (sid),
    phase              INTEGER NOT NULL,
    UNIQUE (configuration_sid, plugin_sid)
);
CREATE INDEX configured_plugin_by_configuration ON configured_plugin (configuration_sid, seq);

CREATE TABLE plugin_release (
    seq               INTEGER PRIMARY KEY AUTOINCREMENT,
    sid               TEXT    NOT NULL UNIQUE,
    account_sid       TEXT    NOT NULL,
    configuration_sid TEXT    NOT NULL REFERENCES configuration (sid),
    date_created      INTEGER NOT NULL
);
CREATE INDEX plugin_release_by_account ON plugin_release (account_sid, seq);
