package dev.freeway.it.jetty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the TLS connector's key: a self-signed certificate for {@code localhost}, by the JDK's
 * {@code keytool} (the JDK has no API to sign a certificate), in a PKCS12 key store. A client trusts
 * it by taking the same file as its trust store: the JDK trusts a key entry's certificate there.
 */
final class SelfSignedKeyStore {

    private SelfSignedKeyStore() {
    }

    /**
     * @param dir where the key store goes (created if missing); an earlier one there is replaced
     * @param password of the store and of the key
     * @return the new key store
     */
    static Path create(Path dir, String password) throws IOException, InterruptedException {
        Path store = Files.createDirectories(dir).resolve("server.p12");
        Files.deleteIfExists(store);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // EC keeps keytool quick; the name is the one the client connects to (wss://localhost)
        command.addAll(List.of(("-genkeypair -alias server -keyalg EC -groupname secp256r1 -dname CN=localhost"
                + " -ext SAN=dns:localhost -validity 2 -storetype PKCS12").split(" ")));
        command.addAll(List.of("-keystore", store.toString(), "-storepass", password, "-keypass", password));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return store;
    }
}
