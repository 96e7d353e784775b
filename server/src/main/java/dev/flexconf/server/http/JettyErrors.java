package dev.flexconf.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for what fails before Javalin sees it (a malformed URI, an ambiguous path, a
 * bad header): answers Twilio's error body instead of Jetty's HTML page. Stateless.
 */
public final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) {
        if (status == 505) {
            status = 400; // an HTTP/0.9 request or an unknown version: the client's mistake, never a 5xx
        }
        int code = status == 404 ? 20404 : status >= 500 ? 20500 : 20001;
        String text = status == 404
                ? TwilioException.notFoundMessage(request.getHttpURI().getPath())
                : "Malformed request" + (message == null || message.isBlank() ? "" : ": " + message);
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(ErrorResponses.body(status, code, text));
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
