package dev.flexconf.server.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Declared credentials: accounts with their auth tokens, and API keys (SK sid and secret) that act
 * for the account that owns them. Read from a JSON file:
 * <pre>{@code
 * {"accounts": [{"account_sid": "AC…", "auth_token": "…"}],
 *  "api_keys": [{"sid": "SK…", "secret": "…", "account_sid": "AC…"}]}
 * }</pre>
 * Immutable.
 */
public final class Credentials {
    /** No declared credentials. */
    public static final Credentials NONE = new Credentials(Map.of(), Map.of());

    record AccountEntry(@JsonProperty("account_sid") String accountSid, @JsonProperty("auth_token") String authToken) {
    }

    record KeyEntry(@JsonProperty("sid") String sid, @JsonProperty("secret") String secret,
            @JsonProperty("account_sid") String accountSid) {
    }

    record FileFormat(@JsonProperty("accounts") List<AccountEntry> accounts,
            @JsonProperty("api_keys") List<KeyEntry> apiKeys) {
    }

    /** An API key: its secret and the account it acts for. */
    record Key(String secret, String account) {
    }

    private final Map<String, String> tokens;
    private final Map<String, Key> keys;

    private Credentials(Map<String, String> tokens, Map<String, Key> keys) {
        this.tokens = Map.copyOf(tokens);
        this.keys = Map.copyOf(keys);
    }

    /** Reads a credentials file; a malformed one is an IllegalArgumentException saying why. */
    public static Credentials read(Path file) {
        FileFormat format;
        try {
            format = Json.MAPPER.readerFor(FileFormat.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read credentials file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> tokens = new HashMap<>();
        for (AccountEntry a : format.accounts() == null ? List.<AccountEntry>of() : format.accounts()) {
            if (!isSid("AC", a.accountSid()) || a.authToken() == null || a.authToken().isEmpty()) {
                throw new IllegalArgumentException("credentials file " + file + ": each account needs an AC account_sid and an auth_token");
            }
            tokens.put(a.accountSid(), a.authToken());
        }
        Map<String, Key> keys = new HashMap<>();
        for (KeyEntry k : format.apiKeys() == null ? List.<KeyEntry>of() : format.apiKeys()) {
            if (!isSid("SK", k.sid()) || k.secret() == null || k.secret().isEmpty() || !isSid("AC", k.accountSid())) {
                throw new IllegalArgumentException("credentials file " + file + ": each api key needs an SK sid, a secret and an AC account_sid");
            }
            keys.put(k.sid(), new Key(k.secret(), k.accountSid()));
        }
        return new Credentials(tokens, keys);
    }

    private static boolean isSid(String prefix, String value) {
        return value != null && value.matches(prefix + "[0-9a-fA-F]{32}");
    }

    /** The declared token of an account, or null when the account is not declared. */
    String token(String accountSid) {
        return tokens.get(accountSid);
    }

    /** The declared API key, or null. */
    Key key(String sid) {
        return keys.get(sid);
    }

    public int accounts() {
        return tokens.size();
    }

    public int apiKeys() {
        return keys.size();
    }
}
