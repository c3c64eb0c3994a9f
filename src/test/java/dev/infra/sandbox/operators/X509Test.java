package dev.infra.sandbox.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class X509Test {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aSelfSignedCaCertificateParsesAndVerifiesWithItsOwnKey() throws Exception {
        KeyPair ca = X509.keyPair("ECDSA", 256);
        X509Certificate cert = parse(X509.certificate(new X509.Request("infra-ca", List.of(), true, NOW,
                NOW.plus(Duration.ofDays(3650))), ca.getPublic(), new X500Principal("CN=infra-ca"), ca.getPrivate()));
        cert.verify(ca.getPublic());
        assertEquals("CN=infra-ca", cert.getSubjectX500Principal().getName());
        assertEquals(Integer.MAX_VALUE, cert.getBasicConstraints());
        assertEquals(NOW.plus(Duration.ofDays(3650)), cert.getNotAfter().toInstant());
    }

    @Test
    void aLeafCertificateWithoutCommonNameCarriesItsDnsNamesAndIsSignedByTheCa() throws Exception {
        KeyPair ca = X509.keyPair("ECDSA", 256);
        KeyPair leaf = X509.keyPair("RSA", 2048);
        X509Certificate cert = parse(X509.certificate(new X509.Request("", List.of("app.example", "www.app.example"),
                false, NOW, NOW.plus(Duration.ofDays(90))), leaf.getPublic(), new X500Principal("CN=infra-ca"), ca.getPrivate()));
        cert.verify(ca.getPublic());
        assertEquals(-1, cert.getBasicConstraints());
        assertEquals(List.of(List.of(2, "app.example"), List.of(2, "www.app.example")), List.copyOf(cert.getSubjectAlternativeNames()));
        assertEquals("CN=infra-ca", cert.getIssuerX500Principal().getName());
    }

    private static X509Certificate parse(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
