package dev.flexconf.conformance;

import static dev.flexconf.conformance.Api.FORM;
import static dev.flexconf.conformance.Api.V1;
import static dev.flexconf.conformance.Api.api;
import static dev.flexconf.conformance.Api.form;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates what scenarios need, with names unique to the run, and remembers it so that
 * {@link #archiveAll()} archives it afterwards (what the API lets be archived: not what the active
 * release holds). Safe on a real account: it never assumes an empty account. Not thread-safe: the
 * suite runs its classes one at a time.
 */
final class Fixtures {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Deque<String> CREATED = new ArrayDeque<>();

    private Fixtures() {
    }

    /** A name no other run or fixture uses: {@code fc-<run>-<n>-<label>}. */
    static String unique(String label) {
        return "fc-" + Target.RUN + "-" + COUNTER.incrementAndGet() + "-" + label;
    }

    /** Creates a plugin; returns its sid. */
    static String plugin(String uniqueName) {
        String sid = api().contentType(FORM).body(form("UniqueName", uniqueName, "FriendlyName", "Friendly " + uniqueName,
                        "Description", "Conformance fixture"))
                .post(V1 + "/Plugins").then().statusCode(201).extract().path("sid");
        CREATED.push(V1 + "/Plugins/" + sid + "/Archive");
        return sid;
    }

    /** Creates a version of a plugin; returns its sid. */
    static String version(String pluginSid, String version) {
        String sid = api().contentType(FORM)
                .body(form("Version", version, "PluginUrl", "https://example.com/plugins/" + version + "/bundle.js",
                        "Changelog", "changes in " + version, "Private", "true"))
                .post(V1 + "/Plugins/" + pluginSid + "/Versions").then().statusCode(201).extract().path("sid");
        CREATED.push(V1 + "/Plugins/" + pluginSid + "/Versions/" + sid + "/Archive");
        return sid;
    }

    /** Creates a plugin with one version 1.0.0; returns the version's sid. */
    static String pluginVersion(String label) {
        return version(plugin(unique(label)), "1.0.0");
    }

    /** Creates a configuration of the given versions; returns its sid. */
    static String configuration(String name, List<String> versionSids) {
        String[] kv = new String[2 + versionSids.size() * 2];
        kv[0] = "Name";
        kv[1] = name;
        for (int i = 0; i < versionSids.size(); i++) {
            kv[2 + 2 * i] = "Plugins";
            kv[3 + 2 * i] = Api.entry(versionSids.get(i));
        }
        return configurationFromBody(form(kv));
    }

    /** Creates a configuration from a raw form body; returns its sid. */
    static String configurationFromBody(String body) {
        String sid = api().contentType(FORM).body(body)
                .post(V1 + "/Configurations").then().statusCode(201).extract().path("sid");
        remember(V1 + "/Configurations/" + sid + "/Archive");
        return sid;
    }

    /** Remembers an archive path to call at the end. */
    static void remember(String archivePath) {
        CREATED.push(archivePath);
    }

    /** Archives what was created, newest first; what cannot be archived (already, or active) is left. */
    static void archiveAll() {
        while (!CREATED.isEmpty()) {
            Api.misuse().post(CREATED.pop());
        }
    }
}
