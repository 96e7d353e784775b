package dev.flexconf.server.store;

/** A row with its position in its list: the table's creation-order key. */
public interface Sequenced {
    long seq();
}
