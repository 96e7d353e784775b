package dev.flexconf.server.flexconfiguration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexconf.model.FlexConfiguration;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.Sids;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Each account's Flex Configuration ({@code /v1/Configuration}): Twilio's shape with FlexConf's
 * defaults ({@code status} ok, {@code plugin_service_enabled} true, no {@code serverless_service_sids},
 * null elsewhere), and over them the fields a seed document set. Every rule of those fields is here:
 * a seed may set any field but {@code account_sid} and {@code url}, each with its type in the resource,
 * and serverless service sids must be {@code ZS} sids; a later seed's fields are laid over an earlier
 * one's. Thread-safe.
 */
public final class FlexConfigurations {
    private static final ObjectReader STRICT = Json.MAPPER.readerFor(FlexConfiguration.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final List<String> COMPUTED = List.of("account_sid", "url");

    private final Database db;

    public FlexConfigurations(Database db) {
        this.db = db;
    }

    /** The account's Flex Configuration, its URL under {@code base}. */
    public ObjectNode find(String account, String base) {
        String seeded = db.read(h -> db.flexConfigurations().fields(h, account)).orElse(null);
        ObjectNode view = defaults(account, base);
        if (seeded != null) {
            view.setAll(parse(seeded));
        }
        return view;
    }

    /**
     * Checks the seed's {@code fields} and lays them over the account's earlier ones, inside the seed's
     * transaction {@code h}; a bad field is a 400 that names it.
     */
    public static void seed(Database db, Handle h, String account, Map<String, Object> fields) {
        ObjectNode given = Json.MAPPER.valueToTree(fields);
        for (String computed : COMPUTED) {
            if (given.has(computed)) {
                throw TwilioException.invalidParameter("flex_configuration." + computed, "is set by FlexConf, not by a seed");
            }
        }
        ObjectNode merged = db.flexConfigurations().fields(h, account).map(FlexConfigurations::parse)
                .orElseGet(Json.MAPPER::createObjectNode);
        merged.setAll(given);
        ObjectNode whole = defaults(account, "https://flex-api.twilio.com");
        whole.setAll(merged);
        try {
            STRICT.readValue(whole);
        } catch (java.io.IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw TwilioException.invalidParameter("flex_configuration", why);
        }
        JsonNode sids = merged.get("serverless_service_sids");
        if (sids != null && sids.isArray()) {
            for (JsonNode sid : sids) {
                Sids.require("flex_configuration.serverless_service_sids", "ZS", sid.asText());
            }
        }
        db.flexConfigurations().put(h, account, merged.toString());
    }

    /** The fields seeds set for {@code account}, as a seed document takes them; empty when none. In the caller's transaction. */
    public static Optional<Map<String, Object>> seeded(Database db, Handle h, String account) {
        return db.flexConfigurations().fields(h, account)
                .map(json -> Json.MAPPER.convertValue(parse(json), new TypeReference<Map<String, Object>>() { }));
    }

    private static ObjectNode defaults(String account, String base) {
        FlexConfiguration defaults = new FlexConfiguration()
                .accountSid(account)
                .status(FlexConfiguration.StatusEnum.OK)
                .pluginServiceEnabled(true)
                .serverlessServiceSids(List.of())
                .url(java.net.URI.create(base + "/v1/Configuration"));
        return Json.MAPPER.valueToTree(defaults);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored Flex Configuration fields are not JSON: " + json, e);
        }
    }
}
