package io.walbridge.core.setup.tls;

import io.walbridge.core.setup.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the CA file a user points at, and the messages when it cannot be used. */
class CaBundleTest {

    private final TestPki pki = TestPki.get();

    @Test
    void bundleWithCommentsBetweenCertificatesLoadsEveryCertificate(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "# first CA\n" + Files.readString(pki.caPem) + "\n# second CA\n"
                + Files.readString(pki.otherCaPem));

        CaBundle ca = CaBundle.load(bundle);

        assertThat(ca.certificates()).hasSize(2);
        assertThat(ca.subjects()).contains("CN=WalBridge Test CA").contains("CN=Some Other CA");
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.pem");

        assertThatThrownBy(() -> CaBundle.load(missing)).isInstanceOf(InvalidCaFile.class)
                .hasMessage("the CA file " + missing + " does not exist");
    }

    @Test
    void privateKeyGivenInsteadOfACertificateIsRecognised() {
        assertThatThrownBy(() -> CaBundle.load(pki.serverKey)).isInstanceOf(InvalidCaFile.class)
                .hasMessageContaining("holds a private key, not a CA certificate");
    }

    @Test
    void textWithoutCertificatesIsRefused(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "hello");

        assertThatThrownBy(() -> CaBundle.load(junk)).isInstanceOf(InvalidCaFile.class)
                .hasMessageContaining("is not a certificate file");
    }
}
