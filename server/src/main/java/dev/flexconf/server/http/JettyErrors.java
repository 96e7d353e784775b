package dev.flexconf.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for what fails before Javalin sees it (a malformed URI, an ambiguous path, a
 * bad header, {@code OPTIONS *}, an HTTP/2 preface on this HTTP/1.1 port): answers Twilio's error body instead
 * of Jetty's HTML page or empty answer. Stateless.
 */
public final class JettyErrors extends ErrorHandler {
    /** Every method gets the body, not only GET, POST and HEAD as Jetty's default has it ({@code OPTIONS *}, HTTP/2's {@code PRI}). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** What the HTTP parser answers before there is a request at all (an HTTP/2 preface, a broken request line). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (status == 505) {
            status = 400;
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(Json.bytes(ErrorResponses.body(status, status >= 500 ? 20500 : 20001,
                "Malformed request" + (reason == null || reason.isBlank() ? "" : ": " + reason))));
    }

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
