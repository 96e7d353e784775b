package dev.flexconf.server.plugins;

/** The rule of a plugin's names that is not the uniqueness of its unique name (a write checks that). Stateless. */
public final class PluginNames {
    private PluginNames() {
    }

    /**
     * The friendly name of a plugin created with {@code given} (null when none was given): its unique
     * name when none was given. Inferred: Twilio answers a non-empty {@code friendly_name} for a plugin
     * created without one (RJPearson94/terraform-provider-twilio asserts it set,
     * twilio/internal/services/flex/tests/resource_flex_plugin_test.go); which value is not public.
     */
    public static String friendlyName(String uniqueName, String given) {
        return given == null ? uniqueName : given;
    }
}
