package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * cert-manager v1.21.1, read in cert-manager/cert-manager at v1.21.1:
 * <ul>
 *   <li>Issuer and ClusterIssuer: Ready True, reason IsReady for selfSigned
 *       (pkg/issuer/selfsigned/setup.go); for ca, reason KeyPairVerified "Signing CA verified"
 *       once the CA Secret holds tls.crt and tls.key, else Ready False ErrGetKeyPair
 *       (pkg/issuer/ca/setup.go). A ClusterIssuer's Secret is read in the namespace cert-manager
 *       runs in (the chart's default cluster resource namespace): {@code cert-manager}. Other
 *       issuer types (ACME, Vault, ...) are reported Ready without contacting anything.</li>
 *   <li>Certificate -> Secret {@code spec.secretName} of type kubernetes.io/tls with tls.crt,
 *       tls.key and ca.crt and the cert-manager.io/ annotations
 *       (pkg/controller/certificates/issuing/internal/secret.go setValues); not owned by the
 *       Certificate, as cert-manager's is not by default. The key is real (privateKey.algorithm
 *       RSA or ECDSA and size), written as PKCS#8; the certificate is self-signed for a
 *       selfSigned issuer and signed by the CA's key for a ca issuer. Status Ready True, reason
 *       Ready, "Certificate is up to date and has not expired"
 *       (pkg/controller/certificates/readiness), notBefore, notAfter, renewalTime, revision.</li>
 * </ul>
 */
final class CertManager implements SimulatedOperator {
    static final String CLUSTER_RESOURCE_NAMESPACE = "cert-manager";
    private static final String API_VERSION = "cert-manager.io/v1";

    private final CertManagerIssuers issuers;

    CertManager(CertManagerIssuers issuers) {
        this.issuers = issuers;
    }

    @Override
    public String name() {
        return "cert-manager";
    }

    @Override
    public String creates() {
        return "Issuer, ClusterIssuer -> Ready; Certificate -> TLS Secret spec.secretName (real key pair), Ready";
    }

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind(API_VERSION, "ClusterIssuer"), new Kind(API_VERSION, "Issuer"), new Kind(API_VERSION, "Certificate"));
    }

    @Override
    public void reconcile(GenericKubernetesResource resource, OwnedObjects objects) {
        if (!"Certificate".equals(resource.getKind())) {
            objects.status(resource, Map.of(), List.of(issuers.readiness(resource, objects)));
            return;
        }
        Map<String, Object> spec = SimulatedOperator.spec(resource);
        String namespace = resource.getMetadata().getNamespace();
        String secretName = (String) spec.get("secretName");
        Optional<Secret> existing = objects.secret(namespace, secretName)
                .filter(s -> resource.getMetadata().getName().equals(annotations(s).get("cert-manager.io/certificate-name")));
        X509Certificate certificate;
        if (existing.isPresent()) {
            certificate = parse(existing.get().getData().get("tls.crt"));
        } else {
            Optional<CertManagerIssuers.Signer> signer = issuers.signer(resource, objects);
            if (signer.isEmpty()) {
                objects.status(resource, Map.of(), List.of(new OwnedObjects.Condition("Ready", false, "DoesNotExist",
                        "Issuing certificate as Secret does not exist")));
                return;
            }
            Secret secret = issue(resource, spec, signer.get());
            objects.keep(namespace, secret);
            certificate = parse(secret.getData().get("tls.crt"));
        }
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        objects.status(resource, Map.of("notBefore", notBefore.toString(), "notAfter", notAfter.toString(),
                "renewalTime", notAfter.minus(Duration.between(notBefore, notAfter).dividedBy(3)).toString(), "revision", 1),
                List.of(new OwnedObjects.Condition("Ready", true, "Ready", "Certificate is up to date and has not expired")));
    }

    private static Secret issue(GenericKubernetesResource certificate, Map<String, Object> spec, CertManagerIssuers.Signer signer) {
        Map<String, Object> privateKey = SimulatedOperator.map(spec.get("privateKey"));
        KeyPair keys = X509.keyPair((String) privateKey.getOrDefault("algorithm", "RSA"),
                ((Number) privateKey.getOrDefault("size", 0)).intValue());
        @SuppressWarnings("unchecked")
        List<String> dnsNames = (List<String>) spec.getOrDefault("dnsNames", List.of());
        String commonName = (String) spec.getOrDefault("commonName", "");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Duration duration = GoDuration.parse((String) spec.getOrDefault("duration", "2160h"));
        var request = new X509.Request(commonName, dnsNames, Boolean.TRUE.equals(spec.get("isCA")), now, now.plus(duration));
        X500Principal subject = new X500Principal(commonName.isEmpty() ? "" : "CN=" + commonName);
        byte[] der = signer.selfSigned()
                ? X509.certificate(request, keys.getPublic(), subject, keys.getPrivate())
                : X509.certificate(request, keys.getPublic(), signer.caCertificate().getSubjectX500Principal(), signer.caKey());
        String pem = X509.pem("CERTIFICATE", der);
        Map<String, Object> issuerRef = SimulatedOperator.map(spec.get("issuerRef"));
        return new SecretBuilder().withNewMetadata().withName((String) spec.get("secretName"))
                .addToLabels("controller.cert-manager.io/fao", "true")
                .addToAnnotations("cert-manager.io/certificate-name", certificate.getMetadata().getName())
                .addToAnnotations("cert-manager.io/issuer-name", (String) issuerRef.get("name"))
                .addToAnnotations("cert-manager.io/issuer-kind", (String) issuerRef.getOrDefault("kind", "Issuer"))
                .addToAnnotations("cert-manager.io/issuer-group", (String) issuerRef.getOrDefault("group", "cert-manager.io"))
                .addToAnnotations("cert-manager.io/common-name", commonName)
                .addToAnnotations("cert-manager.io/alt-names", String.join(",", dnsNames))
                .endMetadata()
                .withType("kubernetes.io/tls")
                .addToData("tls.crt", base64(pem))
                .addToData("tls.key", base64(X509.pem("PRIVATE KEY", keys.getPrivate().getEncoded())))
                .addToData("ca.crt", base64(signer.selfSigned() ? pem : signer.caPem()))
                .build();
    }

    static X509Certificate parse(String base64Pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(base64Pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a PEM certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey parseKey(String base64Pem, String algorithm) {
        String pem = new String(Base64.getDecoder().decode(base64Pem), StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the CA key is not a PKCS#8 " + algorithm + " key", e);
        }
    }

    private static Map<String, String> annotations(Secret secret) {
        return secret.getMetadata().getAnnotations() == null ? Map.of() : secret.getMetadata().getAnnotations();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
