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
 * purpose). Stateless and thread-safe.
 */
final class Contract {
    static final String SPEC = read();

    /**
     * The validator turns a form field sent once into a string, even where the document says array:
     * one {@code Plugins} value is still a one-item array, so exactly that report is not an error.
     */
    private static final ValidationErrorsWhitelist ONE_PLUGINS_VALUE = ValidationErrorsWhitelist.create()
            .withRule("a single Plugins form value is a one-item array", WhitelistRules.allOf(
                    WhitelistRules.isRequest(),
                    WhitelistRules.messageHasKey("validation.request.body.schema.type"),
                    WhitelistRules.messageContainsSubstring("[Path '/Plugins'] Instance type (string)")));

    /** Request and response must both match the document. */
    static final OpenApiValidationFilter EXCHANGE = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForInlineApiSpecification(SPEC).withWhitelist(ONE_PLUGINS_VALUE).build());

    /** Only the response must match the document. */
    static final OpenApiValidationFilter RESPONSE = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForInlineApiSpecification(SPEC)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private Contract() {
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
