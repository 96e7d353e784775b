package dev.flexconf.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The api-spec document, read from the api-spec artifact, as rest-assured filters: one that checks
 * request and response, one that checks only the response (for requests that break the contract on
 * purpose). A field the document does not know, in a response, fails a run against an emulator (ours
 * must answer exactly the document) and is only reported against anything else: Twilio may add a
 * field that no client reads, and a run against it must still fail on a missing or mistyped one.
 * {@code -Dflexconf.unknownFields=fail|report} overrides the choice. Stateless and thread-safe.
 */
final class Contract {
    static final String SPEC = read();

    /** What an unknown field in a response is: a failure, or a line in the run's output. */
    enum UnknownFields { FAIL, REPORT }

    private static final String UNKNOWN_FIELD = "validation.response.body.schema.additionalProperties";

    /** Request and response must both match the document. */
    static final OpenApiValidationFilter EXCHANGE = exchange(unknownFields());

    /** Only the response must match the document. */
    static final OpenApiValidationFilter RESPONSE = response(unknownFields());

    private Contract() {
    }

    static OpenApiValidationFilter exchange(UnknownFields unknown) {
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(SPEC)
                .withWhitelist(whitelist(unknown)).build());
    }

    static OpenApiValidationFilter response(UnknownFields unknown) {
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(SPEC)
                .withWhitelist(whitelist(unknown))
                .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                .build());
    }

    /** FAIL against an emulator, REPORT against anything else, unless {@code flexconf.unknownFields} says. */
    private static UnknownFields unknownFields() {
        String chosen = System.getProperty("flexconf.unknownFields", "");
        if (!chosen.isBlank()) {
            return UnknownFields.valueOf(chosen.trim().toUpperCase(java.util.Locale.ROOT));
        }
        return Target.get().emulator ? UnknownFields.FAIL : UnknownFields.REPORT;
    }

    /**
     * The validator turns a form field sent once into a string, even where the document says array:
     * one {@code Plugins} value is still a one-item array, so exactly that report is not an error. With
     * REPORT, an unknown response field is printed instead of failing.
     */
    private static ValidationErrorsWhitelist whitelist(UnknownFields unknown) {
        ValidationErrorsWhitelist whitelist = ValidationErrorsWhitelist.create()
                .withRule("a single Plugins form value is a one-item array", WhitelistRules.allOf(
                        WhitelistRules.isRequest(),
                        WhitelistRules.messageHasKey("validation.request.body.schema.type"),
                        WhitelistRules.messageContainsSubstring("[Path '/Plugins'] Instance type (string)")));
        if (unknown == UnknownFields.REPORT) {
            whitelist = whitelist.withRule("an unknown response field is reported, not failed", (message, operation, request, response) -> {
                if (!UNKNOWN_FIELD.equals(message.getKey())) {
                    return false;
                }
                Reported.add((operation == null ? "?" : operation.getMethod() + " " + operation.getApiPath().original())
                        + ": " + message.getMessage());
                return true;
            });
        }
        return whitelist;
    }

    /** The unknown fields reported in this run, each printed once. Thread-safe. */
    static final class Reported {
        private static final java.util.Set<String> SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private Reported() {
        }

        static void add(String report) {
            if (SEEN.add(report)) {
                System.out.println("[conformance] unknown response field, reported and not failed: " + report);
            }
        }

        static java.util.Set<String> all() {
            return java.util.Set.copyOf(SEEN);
        }
    }

    private static String read() {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream("plugin-service.yaml")) {
            if (in == null) {
                throw new IllegalStateException("plugin-service.yaml is not on the classpath: is flexconf-api-spec a dependency?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
