package dev.flexconf.server.versions;

import dev.flexconf.server.http.Form;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.store.VersionStore.NewVersion;
import java.util.Locale;

/**
 * The rules for the body of a new plugin version: {@code Version} and {@code PluginUrl} required,
 * {@code PluginUrl} an absolute http(s) URL, {@code Private} a boolean read case-insensitively
 * (default false), {@code ValidateStatus} {@code success} or {@code failure}, either case. Stateless.
 */
public final class PluginVersionInput {
    private PluginVersionInput() {
    }

    static NewVersion read(Form form) {
        String version = form.required("Version");
        String pluginUrl = form.required("PluginUrl");
        PluginVersions.requireHttpUrl("PluginUrl", pluginUrl);
        boolean isPrivate = form.bool("Private", false);
        String validateStatus = form.last("ValidateStatus");
        if (validateStatus != null) {
            validateStatus = validateStatus.toLowerCase(Locale.ROOT);
            if (!validateStatus.equals("success") && !validateStatus.equals("failure")) {
                throw TwilioException.invalidParameter("ValidateStatus", "must be success or failure");
            }
        }
        return new NewVersion(version, pluginUrl, form.last("Changelog"), isPrivate, form.last("CliVersion"),
                validateStatus);
    }
}
