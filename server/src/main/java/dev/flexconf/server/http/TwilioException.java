package dev.flexconf.server.http;

/**
 * A failure the client is told about, as Twilio tells it: an HTTP status, a Twilio error code and a
 * message. Thrown anywhere below a handler; {@link ErrorResponses} turns it into Twilio's error body.
 * Immutable.
 */
public final class TwilioException extends RuntimeException {
    private final int status;
    private final int code;

    public TwilioException(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** 400 20001: a required parameter is absent. */
    public static TwilioException missingParameter(String name) {
        return new TwilioException(400, 20001, "Missing required parameter " + name + " in the post body");
    }

    /** 400 20001: a parameter is present but not acceptable; the message names it. */
    public static TwilioException invalidParameter(String name, String why) {
        return new TwilioException(400, 20001, "Invalid parameter " + name + ": " + why);
    }

    /** 400 20400: the request is well formed but breaks a rule of the resource. */
    public static TwilioException ruleBroken(String message) {
        return new TwilioException(400, 20400, message);
    }

    /**
     * 404 20404: what the request names does not exist (or is not of its account). The message names the
     * requested path, which the HTTP layer knows and the domain does not: {@link ErrorResponses} writes it.
     */
    public static TwilioException notFound() {
        return new TwilioException(404, 20404, null);
    }

    /** Twilio's 404 message for a path as requested, without the leading {@code /v1}. */
    public static String notFoundMessage(String requestedPath) {
        String path = requestedPath.startsWith("/v1/") ? requestedPath.substring(3) : requestedPath;
        return "The requested resource " + path + " was not found";
    }

    public static TwilioException unauthorized() {
        return new TwilioException(401, 20003, "Authenticate");
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }
}
