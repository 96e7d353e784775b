-- FlexConf schema, version 2. The unique index (configuration_sid, plugin_sid) already finds a
-- configuration's plugins; ordering that handful by seq needs no index of its own. Dropping the second
-- index takes one random page write out of every create (bench/README.md: -35% per create in SQLite).
DROP INDEX configured_plugin_by_configuration;
