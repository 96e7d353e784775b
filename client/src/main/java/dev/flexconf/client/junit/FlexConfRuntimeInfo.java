package dev.flexconf.client.junit;

import dev.flexconf.client.FlexConfClient;
import dev.flexconf.server.FlexConfServer;

/**
 * What a test needs to reach its emulator: the base URL and the credentials of the account the
 * injected client uses (any AC sid works in the emulator's default open mode). Immutable.
 *
 * @param baseUrl    e.g. {@code http://127.0.0.1:53117}
 * @param accountSid the account of the injected client
 * @param authToken  its token
 * @param server     the running emulator (reset, seed, journal, faults)
 */
public record FlexConfRuntimeInfo(String baseUrl, String accountSid, String authToken, FlexConfServer server) {

    /** A client for this emulator as this account. */
    public FlexConfClient client() {
        return FlexConfClient.builder().baseUrl(baseUrl).credentials(accountSid, authToken).build();
    }

    /** A client for this emulator as another account. */
    public FlexConfClient clientFor(String otherAccountSid, String token) {
        return FlexConfClient.builder().baseUrl(baseUrl).credentials(otherAccountSid, token).build();
    }
}
