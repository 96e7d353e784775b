package dev.flexconf.bench;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;

/** The benchmark's reference: one GET handler returning a fixed ~400-byte JSON. {@code args[0]} is the port. */
public final class Reference {
    private static final byte[] BODY = ("{\"sid\":\"FJaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"account_sid\":\"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
            + "\"name\":\"Name\",\"description\":\"description\",\"archived\":false,\"date_created\":\"2020-01-10T20:00:00Z\","
            + "\"url\":\"http://127.0.0.1:4010/v1/PluginService/Configurations/FJaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
            + "\"links\":{\"plugins\":\"http://127.0.0.1:4010/v1/PluginService/Configurations/FJaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Plugins\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private Reference() {
    }

    public static void main(String[] args) {
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/fixed", ctx -> ctx.contentType("application/json").result(BODY));
        }).start("127.0.0.1", Integer.parseInt(args[0]));
        System.out.println("reference listening, " + BODY.length + " bytes per answer");
    }
}
