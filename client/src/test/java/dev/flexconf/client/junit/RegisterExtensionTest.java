package dev.flexconf.client.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flexconf.client.FlexConfClient;
import dev.flexconf.client.TwilioApiException;
import dev.flexconf.server.ServerOptions;
import dev.flexconf.server.http.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered programmatically with options of one's own (here: strict auth). */
class RegisterExtensionTest {
    static final String ACCOUNT = "AC44444444444444444444444444444444";

    @RegisterExtension
    static FlexConfExtension flexconf = new FlexConfExtension(ServerOptions.ephemeral().withCredentials(credentials(), true));

    static Credentials credentials() {
        try {
            Path file = Files.createTempFile("flexconf-credentials", ".json");
            Files.writeString(file, "{\"accounts\": [{\"account_sid\": \"" + ACCOUNT + "\", \"auth_token\": \"tok\"}]}");
            return Credentials.read(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyDeclaredCredentialsPass(FlexConfRuntimeInfo info) throws Exception {
        FlexConfClient declared = info.clientFor(ACCOUNT, "tok");
        assertEquals(0, declared.api().listPlugin(null, null, null, null).getPlugins().size());
        TwilioApiException e = assertThrows(TwilioApiException.class, () -> info.client().api().listPlugin(null, null, null, null));
        assertEquals(20003, e.getTwilioCode());
    }
}
