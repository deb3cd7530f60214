package dev.freeway.examples.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} in a PKCS12 key store made at start-up for the
 * launcher's {@code --tls}, deleted when the server stops. The JDK's {@code keytool} makes it: the
 * JDK has no public API that signs a certificate, and the demo takes no dependency for one.
 */
final class SelfSignedCertificate implements AutoCloseable {
    private final Path directory;
    private final Path keyStore;
    private final String password;

    private SelfSignedCertificate(Path directory, Path keyStore, String password) {
        this.directory = directory;
        this.keyStore = keyStore;
        this.password = password;
    }

    /** Runs {@code keytool -genkeypair} of the running JDK into a new temporary directory. */
    static SelfSignedCertificate generate(String host) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("freeway-demo-tls");
        Path keyStore = directory.resolve("demo.p12");
        // a fresh password each start: the key store lives only as long as the server
        String password = UUID.randomUUID().toString();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        // browsers match the name against the subject alternative names, not the CN
        String names = "dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1"
                + (host.equals("localhost") || host.equals("0.0.0.0") ? "" : "," + (isAddress(host) ? "ip:" : "dns:") + host);
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "freeway-demo",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30", "-dname", "CN=localhost, O=Freeway demo",
                "-ext", "san=" + names, "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", password, "-keypass", password))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(keyStore)) {
            p.destroyForcibly();
            TempFiles.deleteTree(directory);
            throw new IllegalStateException("keytool could not make a self-signed certificate: " + output);
        }
        return new SelfSignedCertificate(directory, keyStore, password);
    }

    private static boolean isAddress(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    Path keyStore() {
        return keyStore;
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        TempFiles.deleteTree(directory);
    }
}
