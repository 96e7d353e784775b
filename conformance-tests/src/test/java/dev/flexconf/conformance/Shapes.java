package dev.flexconf.conformance;

import static org.hamcrest.Matchers.matchesPattern;

import java.util.Set;
import org.hamcrest.Matcher;

/** What wire values look like. Stateless. */
final class Shapes {
    static final String DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    static final Set<String> META_KEYS =
            Set.of("page", "page_size", "first_page_url", "previous_page_url", "url", "next_page_url", "key");
    static final Set<String> ERROR_KEYS = Set.of("code", "message", "more_info", "status");

    private Shapes() {
    }

    static Matcher<String> sid(String prefix) {
        return matchesPattern(prefix + "[0-9a-f]{32}");
    }

    static Matcher<String> date() {
        return matchesPattern(DATE);
    }

    static String url(String path) {
        return Target.get().baseUrl + Api.V1 + path;
    }
}
