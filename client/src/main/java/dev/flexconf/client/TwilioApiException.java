package dev.flexconf.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexconf.client.invoker.ApiException;
import dev.flexconf.model.TwilioError;
import java.net.http.HttpHeaders;

/**
 * A non-2xx answer, with Twilio's error body read: {@link #getCode()} is the HTTP status (as in the
 * generated {@link ApiException}), {@link #getTwilioCode()} the Twilio error code (20404, 20001, …).
 * When the body is not a Twilio error (a proxy's page, say) the Twilio fields are 0 and null and the
 * raw body is still in {@link #getResponseBody()}. Immutable.
 */
public final class TwilioApiException extends ApiException {
    private final int twilioCode;
    private final String twilioMessage;
    private final String moreInfo;

    TwilioApiException(String operationId, int status, HttpHeaders headers, String body, ObjectMapper mapper) {
        this(operationId, status, headers, body, read(body, mapper));
    }

    private TwilioApiException(String operationId, int status, HttpHeaders headers, String body, TwilioError error) {
        super(operationId + " answered " + status
                + (error == null ? "" : " " + error.getCode() + ": " + error.getMessage()), status, headers, body);
        this.twilioCode = error == null || error.getCode() == null ? 0 : error.getCode();
        this.twilioMessage = error == null ? null : error.getMessage();
        this.moreInfo = error == null || error.getMoreInfo() == null ? null : error.getMoreInfo().toString();
    }

    private static TwilioError read(String body, ObjectMapper mapper) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            TwilioError error = mapper.readValue(body, TwilioError.class);
            return error.getCode() == null ? null : error;
        } catch (Exception e) {
            return null;
        }
    }

    /** Twilio's error code, e.g. 20404; 0 when the body was not a Twilio error. */
    public int getTwilioCode() {
        return twilioCode;
    }

    /** Twilio's message, or null when the body was not a Twilio error. */
    public String getTwilioMessage() {
        return twilioMessage;
    }

    /** The documentation URL Twilio names for the code, or null. */
    public String getMoreInfo() {
        return moreInfo;
    }
}
