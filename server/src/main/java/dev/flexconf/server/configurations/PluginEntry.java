package dev.flexconf.server.configurations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.store.Sids;

/**
 * One value of the repeated {@code Plugins} field: a JSON object with a {@code plugin_version} (an FV
 * sid) and an optional integer {@code phase} (default 0). Other keys are ignored. Immutable.
 */
public record PluginEntry(String pluginVersion, int phase) {

    public static PluginEntry parse(String value) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw TwilioException.invalidParameter("Plugins", "each value must be a JSON object, got " + abbreviate(value));
        }
        if (node == null || !node.isObject()) {
            throw TwilioException.invalidParameter("Plugins", "each value must be a JSON object, got " + abbreviate(value));
        }
        JsonNode version = node.get("plugin_version");
        if (version == null || !version.isTextual()) {
            throw TwilioException.invalidParameter("Plugins", "plugin_version must be a plugin version sid (FV…), got "
                    + abbreviate(String.valueOf(version)));
        }
        Sids.require("Plugins plugin_version", "FV", version.asText());
        JsonNode phase = node.get("phase");
        if (phase != null && !phase.isNull() && !(phase.isIntegralNumber() && phase.canConvertToInt())) {
            throw TwilioException.invalidParameter("Plugins", "phase must be a non-negative integer, got " + abbreviate(phase.toString()));
        }
        return new PluginEntry(version.asText(), Configurations.phase("Plugins", phase == null || phase.isNull() ? null : phase.intValue()));
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
