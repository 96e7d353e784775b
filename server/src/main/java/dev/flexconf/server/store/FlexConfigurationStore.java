package dev.flexconf.server.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL of the seeded Flex Configuration fields, one JSON object per account.
 * One implementation per storage engine; every method runs on the caller's handle, in the caller's
 * transaction. Implementations are stateless and thread-safe.
 */
public interface FlexConfigurationStore {
    /** The account's seeded fields as a JSON object, if any were seeded. */
    Optional<String> fields(Handle h, String account);

    /** Replaces the account's seeded fields. */
    void put(Handle h, String account, String fieldsJson);
}
