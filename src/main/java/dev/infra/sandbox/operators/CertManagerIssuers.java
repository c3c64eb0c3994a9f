package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** How the simulated cert-manager reads an Issuer or ClusterIssuer (see {@link CertManager}). */
final class CertManagerIssuers {
    /** Who signs a Certificate: itself, or a CA's key pair. */
    record Signer(boolean selfSigned, X509Certificate caCertificate, PrivateKey caKey, String caPem) {
    }

    OwnedObjects.Condition readiness(GenericKubernetesResource issuer, OwnedObjects objects) {
        Map<String, Object> ca = SimulatedOperator.map(SimulatedOperator.spec(issuer).get("ca"));
        if (!SimulatedOperator.spec(issuer).containsKey("ca")) {
            return new OwnedObjects.Condition("Ready", true, "IsReady", "");
        }
        String secretName = (String) ca.get("secretName");
        return keyPair(objects.secret(secretNamespace(issuer), secretName)).isPresent()
                ? new OwnedObjects.Condition("Ready", true, "KeyPairVerified", "Signing CA verified")
                : new OwnedObjects.Condition("Ready", false, "ErrGetKeyPair",
                        "Error getting keypair for CA issuer: secrets \"" + secretName + "\" not found");
    }

    /** The signer of a Certificate, once its issuer exists and (for a CA) its key pair does. */
    Optional<Signer> signer(GenericKubernetesResource certificate, OwnedObjects objects) {
        Map<String, Object> ref = SimulatedOperator.map(SimulatedOperator.spec(certificate).get("issuerRef"));
        String kind = (String) ref.getOrDefault("kind", "Issuer");
        Optional<GenericKubernetesResource> issuer = objects.get("cert-manager.io/v1", kind,
                "ClusterIssuer".equals(kind) ? null : certificate.getMetadata().getNamespace(), (String) ref.get("name"));
        if (issuer.isEmpty()) return Optional.empty();
        Map<String, Object> spec = SimulatedOperator.spec(issuer.get());
        if (!spec.containsKey("ca")) {
            return Optional.of(new Signer(true, null, null, null));
        }
        return keyPair(objects.secret(secretNamespace(issuer.get()), (String) SimulatedOperator.map(spec.get("ca")).get("secretName")));
    }

    private static Optional<Signer> keyPair(Optional<Secret> secret) {
        return secret.map(Secret::getData).filter(d -> d != null && d.containsKey("tls.crt") && d.containsKey("tls.key"))
                .map(d -> {
                    X509Certificate cert = CertManager.parse(d.get("tls.crt"));
                    PrivateKey key = CertManager.parseKey(d.get("tls.key"), cert.getPublicKey().getAlgorithm());
                    return new Signer(false, cert, key, new String(Base64.getDecoder().decode(d.get("tls.crt")), StandardCharsets.US_ASCII));
                });
    }

    private static String secretNamespace(GenericKubernetesResource issuer) {
        return "ClusterIssuer".equals(issuer.getKind()) ? CertManager.CLUSTER_RESOURCE_NAMESPACE : issuer.getMetadata().getNamespace();
    }
}
