package dev.infra.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A release's manifest read from helm's storage Secret, as helm's decodeRelease reads it. */
class StoredReleaseTest {
    static final String MANIFEST = "---\n# Source: web/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n";
    // the manifest between fields to skip, values with a secret among them
    static final String RELEASE = """
            {"name":"web","info":{"status":"deployed","notes":"hi"},"chart":{"templates":[{"name":"t","data":"YQ=="}]},
             "config":{"password":"hunter2"},"manifest":%s,"hooks":[{"name":"h"}],"version":2,"namespace":"apps"}
            """.formatted(quoted(MANIFEST));

    @Test
    void manifestIsReadFromGzippedJsonAsHelmStoresIt() throws IOException {
        assertEquals(MANIFEST, StoredRelease.manifest(secret(gzip(RELEASE.getBytes(StandardCharsets.UTF_8))), "web", "apps"));
    }

    @Test
    void manifestIsReadFromPlainJsonAsHelmStillAcceptsIt() {
        assertEquals(MANIFEST, StoredRelease.manifest(secret(RELEASE.getBytes(StandardCharsets.UTF_8)), "web", "apps"));
    }

    @Test
    void releaseWithoutManifestHasAnEmptyOne() throws IOException {
        assertEquals("", StoredRelease.manifest(secret(gzip("{\"name\":\"web\",\"version\":1}".getBytes(StandardCharsets.UTF_8))), "web", "apps"));
    }

    @Test
    void undecodableSecretIsAOneLineErrorNamingReleaseAndNamespaceWithoutItsContent() throws IOException {
        byte[] truncatedGzip = Arrays.copyOf(gzip(RELEASE.getBytes(StandardCharsets.UTF_8)), 40);
        byte[] notJson = "password: hunter2".getBytes(StandardCharsets.UTF_8);
        byte[] cutJson = RELEASE.substring(0, RELEASE.indexOf("hunter2") + 9).getBytes(StandardCharsets.UTF_8);
        for (Secret corrupt : new Secret[] {secret(truncatedGzip), secret(notJson), secret(cutJson),
                withData(Base64.getEncoder().encodeToString("hunter2 is not base64!".getBytes(StandardCharsets.UTF_8))),
                new SecretBuilder().withNewMetadata().withName("sh.helm.release.v1.web.v2").endMetadata().build()}) {
            var e = assertThrows(IllegalStateException.class, () -> StoredRelease.manifest(corrupt, "web", "apps"));
            assertEquals("cannot read helm's record of release web in namespace apps: Secret sh.helm.release.v1.web.v2 "
                    + "does not hold a helm release (base64 of gzipped JSON)", e.getMessage());
            assertEquals(null, e.getCause(), "a cause's message may quote the data");
            assertFalse(e.getMessage().contains("hunter2"));
        }
    }

    /** As the API serves it: helm's base64, then the Secret's own. */
    static Secret secret(byte[] release) {
        return withData(Base64.getEncoder().encodeToString(Base64.getEncoder().encode(release)));
    }

    private static Secret withData(String data) {
        return new SecretBuilder().withNewMetadata().withName("sh.helm.release.v1.web.v2").endMetadata()
                .withData(Map.of("release", data)).build();
    }

    static byte[] gzip(byte[] data) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
