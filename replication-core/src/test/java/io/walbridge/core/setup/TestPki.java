package io.walbridge.core.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A throw-away PKI for TLS tests, made with the JDK's keytool: a test CA, an unrelated CA, and one
 * server key with three certificates (for localhost, for another host name, and an expired one).
 * Made once per test JVM; keytool runs as a process because its classes are not exported.
 */
public final class TestPki {

    private static final String PASS = "changeit";
    private static TestPki instance;

    public final Path dir;
    public final Path caPem;
    public final Path otherCaPem;
    public final Path serverKey;
    public final Path localhostCert;
    public final Path otherHostCert;
    public final Path expiredCert;

    private TestPki(Path dir) throws IOException, GeneralSecurityException {
        this.dir = dir;
        keytool("-genkeypair", "-keystore", "ca.p12", "-alias", "ca", "-dname", "CN=WalBridge Test CA,O=WalBridge Tests",
                "-ext", "bc:c", "-validity", "3650");
        keytool("-genkeypair", "-keystore", "other-ca.p12", "-alias", "ca", "-dname", "CN=Some Other CA,O=Elsewhere",
                "-ext", "bc:c", "-validity", "3650");
        keytool("-genkeypair", "-keystore", "server.p12", "-alias", "server", "-dname", "CN=localhost");
        keytool("-certreq", "-keystore", "server.p12", "-alias", "server", "-file", "server.csr");
        localhostCert = issue("localhost.pem", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", null, "365");
        otherHostCert = issue("other-host.pem", "CN=db.example.com", "SAN=dns:db.example.com", null, "365");
        expiredCert = issue("expired.pem", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", "-400d", "30");
        caPem = writePem("ca.pem", "CERTIFICATE", load("ca.p12").getCertificate("ca").getEncoded());
        otherCaPem = writePem("other-ca.pem", "CERTIFICATE", load("other-ca.p12").getCertificate("ca").getEncoded());
        serverKey = writePem("server.key", "PRIVATE KEY", load("server.p12").getKey("server", PASS.toCharArray()).getEncoded());
        // PostgreSQL refuses a key file that group or others can read
        Files.setPosixFilePermissions(serverKey, PosixFilePermissions.fromString("rw-------"));
    }

    public static synchronized TestPki get() {
        if (instance == null) {
            try {
                instance = new TestPki(Files.createTempDirectory("walbridge-pki"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private Path issue(String file, String dname, String san, String startDate, String days) throws IOException {
        List<String> args = new ArrayList<>(List.of("-gencert", "-keystore", "ca.p12", "-alias", "ca", "-infile",
                "server.csr", "-outfile", file, "-rfc", "-dname", dname, "-ext", san, "-ext", "EKU=serverAuth",
                "-validity", days));
        if (startDate != null) {
            args.addAll(List.of("-startdate", startDate));
        }
        keytool(args.toArray(new String[0]));
        return dir.resolve(file);
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASS, "-noprompt"));
        if (args[0].equals("-genkeypair")) {
            // EC keys are made in milliseconds; RSA would slow every test run
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }

    private KeyStore load(String file) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve(file))) {
            ks.load(in, PASS.toCharArray());
        }
        return ks;
    }

    private Path writePem(String file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(dir.resolve(file), "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
